import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../../app/api.ts';
import { useTexts } from '../../../app/texts.ts';
import { locationKeys, type Location } from './location-model.ts';
import { placesTexts } from './texts.ts';

/** Where the label sheet of a location opens: itself (a room) or every room below it. */
export function labelsHref(l: Pick<Location, 'id' | 'type'>): string {
  return l.type === 'room'
    ? `/locations/labels?ids=${l.id}`
    : `/locations/labels?under=${l.id}&type=room`;
}

/**
 * The actions on one location shared by the tree, the list and the drawer:
 * deactivate / reactivate (confirmed, the server refuses while active
 * children remain) and a new QR code (confirmed: old labels stop working).
 * Saving refreshes every location query (list, tree branches, details).
 */
export function useLocationActions() {
  const tx = useTexts(placesTexts);
  const { modal, message } = App.useApp();
  const client = useQueryClient();
  const navigate = useNavigate();

  const saved = async (l: Location) => {
    client.setQueryData(locationKeys.one(l.id), l);
    await client.invalidateQueries({ queryKey: locationKeys.all });
  };

  const setActive = useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) =>
      unwrap(api.PATCH('/api/locations/{id}', { params: { path: { id } }, body: { active } })),
    onSuccess: async (l) => {
      void message.success(
        l.active ? tx.confirm.reactivated(l.name) : tx.confirm.deactivated(l.name),
      );
      await saved(l);
    },
    onError: (err) => void message.error(err.message),
  });

  const regenerate = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/locations/{id}/regenerate-qr', { params: { path: { id } } })),
    onSuccess: async (l) => {
      void message.success(tx.confirm.regenerated);
      await saved(l);
    },
    onError: (err) => void message.error(err.message),
  });

  return {
    toggleActive(l: Location) {
      if (!l.active) {
        setActive.mutate({ id: l.id, active: true });
        return;
      }
      modal.confirm({
        title: tx.confirm.deactivateTitle(l.name),
        content: tx.confirm.deactivateBody,
        okText: tx.tree.deactivate,
        okButtonProps: { danger: true },
        onOk: () => setActive.mutateAsync({ id: l.id, active: false }).catch(() => undefined),
      });
    },
    regenerateQr(l: Location) {
      modal.confirm({
        title: tx.confirm.regenerateTitle(l.name),
        content: tx.confirm.regenerateBody,
        okText: tx.confirm.regenerateOk,
        okButtonProps: { danger: true },
        onOk: () => regenerate.mutateAsync(l.id).catch(() => undefined),
      });
    },
    printLabels(l: Location) {
      void navigate(labelsHref(l));
    },
  };
}
