import { App } from 'antd';
import { api, unwrap } from '../../../app/api.ts';
import { useTexts } from '../../../app/texts.ts';
import { DetailDrawer } from '../../../components/detail-drawer.tsx';
import type { Channel, ChannelUpdate } from '../models.ts';
import { texts } from '../texts.ts';
import { ChannelForm, createBody, type ChannelValues } from './channel-form.tsx';
import { useRefreshChannels } from './use-channels.ts';

type Props = {
  /** `'new'` for a new channel, a channel to edit, or null (closed). */
  target: Channel | 'new' | null;
  onClose: () => void;
};

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** What an edit changed: PATCH carries only that, so the audit diff shows just those fields. */
function patchOf(before: Channel, v: ChannelValues): ChannelUpdate {
  const patch: ChannelUpdate = {};
  if (v.name.trim() !== before.name) patch.name = v.name.trim();
  if (v.enabled !== before.enabled) patch.enabled = v.enabled;
  if (!sameList(v.categories, before.categories)) patch.categories = v.categories;
  if (before.kind === 'email' && !sameList(v.addresses, before.addresses ?? []))
    patch.addresses = v.addresses;
  if (before.kind !== 'email' && v.webhookUrl.trim()) patch.webhookUrl = v.webhookUrl.trim();
  if (v.clearSecret) patch.secret = null;
  else if (v.secret.trim()) patch.secret = v.secret.trim();
  return patch;
}

/** New / edit channel, beside the list (full width on a phone). */
export function ChannelDrawer({ target, onClose }: Props) {
  const t = useTexts(texts);
  const { message } = App.useApp();
  const refresh = useRefreshChannels();
  const channel = target === 'new' ? undefined : (target ?? undefined);

  async function submit(v: ChannelValues) {
    if (channel) {
      const patch = patchOf(channel, v);
      if (Object.keys(patch).length > 0)
        await unwrap(
          api.PATCH('/api/notification-channels/{id}', {
            params: { path: { id: channel.id } },
            body: patch,
          }),
        );
      void message.success(t.common.saved);
    } else {
      const created = await unwrap(api.POST('/api/notification-channels', { body: createBody(v) }));
      void message.success(t.channels.created(created.name));
    }
    await refresh();
    onClose();
  }

  return (
    <DetailDrawer
      open={target !== null}
      onClose={onClose}
      title={channel ? t.channels.editTitle(channel.name) : t.channels.createTitle}
    >
      {/* Keyed so that opening another channel starts from its own values. */}
      <ChannelForm
        key={channel?.id ?? 'new'}
        channel={channel}
        onSubmit={submit}
        onCancel={onClose}
      />
    </DetailDrawer>
  );
}
