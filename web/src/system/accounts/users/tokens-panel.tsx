import { KeyOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Badge, Button, Flex, List, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../../app/api.ts';
import { useMe } from '../../../app/auth/me-context.ts';
import { useTexts } from '../../../app/texts.ts';
import { ErrorResult } from '../../../components/error-result.tsx';
import { formatDate, formatDateTime } from '../../../components/format.ts';
import { useActionError } from '../form-error.tsx';
import { tokensKey } from '../keys.ts';
import type { ApiToken, IssuedToken, User } from '../models.ts';
import { texts } from '../texts.ts';
import { IssueTokenModal, TokenShownOnce } from './token-modals.tsx';

/**
 * The account's API tokens (for integrations such as energy meters): issue
 * one (its secret is shown once), see when each was last used, revoke.
 */
export function TokensPanel({ user }: { user: User }) {
  const t = useTexts(texts);
  const me = useMe();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [issuing, setIssuing] = useState(false);
  const [issued, setIssued] = useState<IssuedToken | null>(null);
  const { run, alert } = useActionError();
  const tokens = useQuery({
    queryKey: tokensKey(user.id),
    queryFn: () => unwrap(api.GET('/api/users/{id}/tokens', { params: { path: { id: user.id } } })),
  });
  // The server's rule: tokens only for oneself or a service account (no person).
  const mayIssue = user.id === me.user.id || user.personId === null;
  const refresh = () => client.invalidateQueries({ queryKey: tokensKey(user.id) });

  const revoke = (tok: ApiToken) =>
    run(async () => {
      await unwrap(
        api.DELETE('/api/users/{id}/tokens/{tokenId}', {
          params: { path: { id: user.id, tokenId: tok.id } },
        }),
      );
      void message.success(t.tokens.revoked);
      await refresh();
    });

  return (
    <section aria-labelledby="tokens-title">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Title level={3} id="tokens-title" style={{ fontSize: 16, margin: 0 }}>
          {t.drawer.tokensTitle}
        </Typography.Title>
        {mayIssue && user.active && (
          <Button icon={<KeyOutlined />} onClick={() => setIssuing(true)}>
            {t.tokens.issue}
          </Button>
        )}
      </Flex>
      <Typography.Paragraph type="secondary">{t.tokens.intro}</Typography.Paragraph>
      {!mayIssue && (
        <Alert type="info" showIcon title={t.tokens.personNote} style={{ marginBottom: 16 }} />
      )}
      {alert}
      {tokens.isError ? (
        <ErrorResult error={tokens.error} onRetry={() => void tokens.refetch()} />
      ) : (
        <List<ApiToken>
          size="small"
          bordered
          loading={tokens.isPending}
          dataSource={tokens.data ?? []}
          locale={{ emptyText: t.tokens.none }}
          renderItem={(tok) => <TokenItem token={tok} onRevoke={() => revoke(tok)} />}
        />
      )}
      <IssueTokenModal
        userId={user.id}
        open={issuing}
        onClose={() => setIssuing(false)}
        onIssued={async (result) => {
          setIssuing(false);
          setIssued(result);
          void message.success(t.tokens.issued);
          await refresh();
        }}
      />
      <TokenShownOnce issued={issued} onClose={() => setIssued(null)} />
    </section>
  );
}

function TokenItem({ token, onRevoke }: { token: ApiToken; onRevoke: () => Promise<unknown> }) {
  const t = useTexts(texts);
  const expired = token.expiresAt !== null && new Date(token.expiresAt) < new Date();
  const live = token.revokedAt === null && !expired;
  return (
    <List.Item
      actions={
        live
          ? [
              <Popconfirm
                key="revoke"
                title={t.tokens.revokeConfirm(token.name)}
                description={t.tokens.revokeHint}
                okText={t.tokens.revoke}
                okButtonProps={{ danger: true }}
                cancelText={t.common.cancel}
                onConfirm={onRevoke}
              >
                <Button size="small" danger aria-label={t.tokens.revokeLabel(token.name)}>
                  {t.tokens.revoke}
                </Button>
              </Popconfirm>,
            ]
          : []
      }
    >
      <List.Item.Meta
        title={
          <Flex gap={8} wrap align="center">
            <span>{token.name}</span>
            {token.revokedAt ? (
              <Badge status="default" text={t.tokens.revokedTag} />
            ) : expired ? (
              <Badge status="warning" text={t.tokens.expiredTag} />
            ) : (
              <Badge status="success" text={t.tokens.live} />
            )}
          </Flex>
        }
        description={
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            <Typography.Text code style={{ fontSize: 12 }}>
              {token.prefix}…
            </Typography.Text>{' '}
            · {t.tokens.createdAt} {formatDateTime(token.createdAt)} · {t.tokens.lastUsed}{' '}
            {token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t.tokens.unused} ·{' '}
            {t.tokens.expires} {token.expiresAt ? formatDate(token.expiresAt) : t.tokens.noExpiry}
          </Typography.Text>
        }
      />
    </List.Item>
  );
}
