import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Flex, Form, Input, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ApiTokenCreateSchema } from '@server/platform/auth/schema.ts';
import { api, unwrap } from '../../../app/api.ts';
import { useTexts } from '../../../app/texts.ts';
import { zodRules } from '../../../components/form/zod-rules.ts';
import { useFormError } from '../form-error.tsx';
import type { IssuedToken } from '../models.ts';
import { texts } from '../texts.ts';

const rules = zodRules(ApiTokenCreateSchema);

type Values = { name: string; expiresAt?: Dayjs | null };

/** Name the token (what uses it) and, optionally, the last day it works. */
export function IssueTokenModal({
  userId,
  open,
  onClose,
  onIssued,
}: {
  userId: string;
  open: boolean;
  onClose: () => void;
  onIssued: (issued: IssuedToken) => Promise<void>;
}) {
  const t = useTexts(texts);
  return (
    <Modal open={open} title={t.tokens.issueTitle} onCancel={onClose} footer={null} destroyOnHidden>
      <IssueForm userId={userId} onCancel={onClose} onIssued={onIssued} />
    </Modal>
  );
}

function IssueForm({
  userId,
  onCancel,
  onIssued,
}: {
  userId: string;
  onCancel: () => void;
  onIssued: (issued: IssuedToken) => Promise<void>;
}) {
  const t = useTexts(texts);
  const [form] = Form.useForm<Values>();
  const { fail, clear, alert } = useFormError(form);
  const [busy, setBusy] = useState(false);

  async function submit(v: Values) {
    setBusy(true);
    clear();
    try {
      const issued = await unwrap(
        api.POST('/api/users/{id}/tokens', {
          params: { path: { id: userId } },
          body: {
            name: v.name.trim(),
            // The chosen day is the last one the token works: it ends at midnight after it.
            expiresAt: v.expiresAt ? v.expiresAt.endOf('day').toISOString() : null,
          },
        }),
      );
      await onIssued(issued);
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)}>
      {alert}
      <Form.Item name="name" label={t.tokens.name} rules={rules('name', t.tokens.name)}>
        <Input placeholder={t.tokens.namePlaceholder} autoComplete="off" />
      </Form.Item>
      <Form.Item name="expiresAt" label={t.tokens.expiresAt} extra={t.tokens.expiresHelp}>
        <DatePicker
          style={{ width: '100%' }}
          disabledDate={(d) => d.isBefore(dayjs(), 'day')}
          aria-label={t.tokens.expiresAt}
        />
      </Form.Item>
      <Flex gap={8} justify="end">
        <Button onClick={onCancel}>{t.common.cancel}</Button>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t.tokens.issue}
        </Button>
      </Flex>
    </Form>
  );
}

/**
 * The secret of a token just issued. The server keeps only its hash, so this
 * is the one moment it can be copied; the dialog closes only by the person
 * saying they stored it.
 */
export function TokenShownOnce({
  issued,
  onClose,
}: {
  issued: IssuedToken | null;
  onClose: () => void;
}) {
  const t = useTexts(texts);
  const { message } = App.useApp();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(issued?.token ?? '');
      void message.success(t.tokens.copied);
    } catch {
      void message.warning(t.tokens.copyFailed);
    }
  };
  return (
    <Modal
      open={issued !== null}
      title={t.tokens.shownOnceTitle}
      closable={false}
      maskClosable={false}
      keyboard={false}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose}>
          {t.tokens.done}
        </Button>
      }
    >
      <Alert type="warning" showIcon title={t.tokens.shownOnce} style={{ marginBottom: 16 }} />
      <Typography.Paragraph strong>{issued?.item.name}</Typography.Paragraph>
      <Flex gap={8}>
        <Input
          readOnly
          value={issued?.token ?? ''}
          aria-label={t.tokens.tokenLabel}
          onFocus={(e) => e.target.select()}
          style={{ fontFamily: 'monospace' }}
        />
        <Button icon={<CopyOutlined />} onClick={() => void copy()}>
          {t.tokens.copy}
        </Button>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t.tokens.usage}
      </Typography.Paragraph>
    </Modal>
  );
}
