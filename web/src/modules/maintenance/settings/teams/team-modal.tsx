import { TeamCreateSchema } from '@server/modules/maintenance/settings/schema.ts';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Select, Switch } from 'antd';
import { useState } from 'react';
import { api, ApiError, unwrap } from '../../../../app/api.ts';
import { useTexts } from '../../../../app/texts.ts';
import { zodRules } from '../../../../components/form/zod-rules.ts';
import { showServerFieldErrors } from '../../../../components/server-field-errors.ts';
import { KEYS, useRefresh, useSites, type Team } from '../data.ts';
import { texts } from '../texts.ts';

type Values = { name: string; siteId?: string | null; active: boolean };
const rules = zodRules(TeamCreateSchema);

/** New team (`team` null) or an existing one's name, site and whether it still works. */
export function TeamModal({
  open,
  team,
  onClose,
}: {
  open: boolean;
  team: Team | null;
  onClose: () => void;
}) {
  const t = useTexts(texts);
  const { message } = App.useApp();
  const refresh = useRefresh();
  const sites = useSites();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: async ({ active, ...v }: Values) => {
      const body = { name: v.name, siteId: v.siteId ?? null };
      return team
        ? unwrap(
            api.PATCH('/api/maintenance/teams/{id}', {
              params: { path: { id: team.id } },
              body: { ...body, active },
            }),
          )
        : unwrap(api.POST('/api/maintenance/teams', { body }));
    },
    onSuccess: async (saved) => {
      void message.success(team ? t.common.saved : t.teams.created(saved.name));
      await refresh(KEYS.teams);
      close();
    },
    onError: (err) => {
      if (!showServerFieldErrors(form, err))
        setError(err instanceof ApiError ? err.message : String(err));
    },
  });
  function close() {
    setError(null);
    save.reset();
    onClose();
  }
  return (
    <Modal
      open={open}
      title={team ? t.teams.editTitle(team.name) : t.teams.createTitle}
      okText={t.common.save}
      cancelText={t.common.cancel}
      onOk={() => form.submit()}
      onCancel={close}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={team ? { name: team.name, siteId: team.siteId, active: team.active } : {}}
        onFinish={(v) => save.mutate(v)}
      >
        {error && <Alert type="error" title={error} style={{ marginBottom: 16 }} />}
        <Form.Item name="name" label={t.common.name} rules={rules('name', t.common.name)}>
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
        <Form.Item name="siteId" label={t.teams.serves} extra={t.teams.servesHelp}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t.common.anySite}
            loading={sites.isPending}
            options={(sites.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
          />
        </Form.Item>
        {team && (
          <Form.Item
            name="active"
            label={t.common.active}
            extra={t.teams.activeHelp}
            valuePropName="checked"
          >
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
