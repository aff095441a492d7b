import { useMutation } from '@tanstack/react-query';
import { Alert, App, Form, Modal, Select, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../../../../app/api.ts';
import { useTexts } from '../../../../app/texts.ts';
import { showServerFieldErrors } from '../../../../components/server-field-errors.ts';
import {
  KEYS,
  useAllTeams,
  useCategories,
  useRefresh,
  useSites,
  type DispatchRule,
} from '../data.ts';
import { texts } from '../texts.ts';

type Values = {
  categoryId?: string | null;
  siteId?: string | null;
  teamId: string;
  autoAssign: boolean;
};

/** New dispatch rule (`rule` null) or a change of one: category? × site? → team, auto-assign. */
export function RuleModal({
  open,
  rule,
  onClose,
}: {
  open: boolean;
  rule: DispatchRule | null;
  onClose: () => void;
}) {
  const t = useTexts(texts);
  const { t: tShell } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefresh();
  const categories = useCategories();
  const sites = useSites();
  const teams = useAllTeams();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: async (v: Values) => {
      const body = {
        categoryId: v.categoryId ?? null,
        siteId: v.siteId ?? null,
        teamId: v.teamId,
        autoAssign: v.autoAssign,
      };
      return rule
        ? unwrap(
            api.PATCH('/api/maintenance/dispatch-rules/{id}', {
              params: { path: { id: rule.id } },
              body,
            }),
          )
        : unwrap(api.POST('/api/maintenance/dispatch-rules', { body }));
    },
    onSuccess: async () => {
      void message.success(rule ? t.common.saved : t.rules.created);
      await refresh(KEYS.rules);
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
      title={rule ? t.rules.editTitle : t.rules.createTitle}
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
        initialValues={rule ?? { autoAssign: true }}
        onFinish={(v) => save.mutate(v)}
      >
        {error && <Alert type="error" role="alert" title={error} style={{ marginBottom: 16 }} />}
        <Form.Item name="categoryId" label={t.rules.category}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t.rules.anyCategory}
            loading={categories.isPending}
            options={(categories.data ?? [])
              .filter((c) => c.active || c.id === rule?.categoryId)
              .map((c) => ({ value: c.id, label: c.name }))}
          />
        </Form.Item>
        <Form.Item name="siteId" label={t.rules.site}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t.rules.anySite}
            loading={sites.isPending}
            options={(sites.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
          />
        </Form.Item>
        <Form.Item
          name="teamId"
          label={t.rules.team}
          rules={[{ required: true, message: tShell('common.required', { field: t.rules.team }) }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={teams.isPending}
            options={(teams.data ?? [])
              .filter((x) => x.active || x.id === rule?.teamId)
              .map((x) => ({
                value: x.id,
                label: `${x.name}${x.siteName ? ` · ${x.siteName}` : ''}`,
              }))}
          />
        </Form.Item>
        <Form.Item
          name="autoAssign"
          label={t.rules.autoAssign}
          extra={t.rules.autoAssignHelp}
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
