import { CloseCircleFilled } from '@ant-design/icons';
import { Button, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api.ts';

type Props = {
  error: unknown;
  onRetry?: () => void;
};

/**
 * What a person sees when something failed: the server's message in their
 * language and the request id to quote to the administrator, who can find
 * the same id in the server log and the audit trail. Plain elements (not
 * antd Result, whose illustrations are heavy): this sits in the first
 * bundle, in front of every page.
 */
export function ErrorResult({ error, onRetry }: Props) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const apiError = error instanceof ApiError ? error : null;
  const message =
    apiError?.code === 'NETWORK'
      ? t('errors.network')
      : (apiError?.message ?? t('errors.unexpected'));
  return (
    <div role="alert" style={{ textAlign: 'center', padding: '48px 16px', color: token.colorText }}>
      <CloseCircleFilled style={{ fontSize: 48, color: token.colorError }} />
      <h1 style={{ fontSize: 20, fontWeight: 600, margin: '16px 0 8px' }}>
        {apiError?.status === 403 ? t('errors.forbiddenTitle') : t('errors.title')}
      </h1>
      <p style={{ color: token.colorTextSecondary }}>{message}</p>
      {apiError?.requestId && (
        <p style={{ color: token.colorTextSecondary }}>
          {t('errors.requestId')}:{' '}
          <code data-testid="request-id" style={{ userSelect: 'all', color: token.colorText }}>
            {apiError.requestId}
          </code>
          <br />
          {t('errors.requestIdHint')}
        </p>
      )}
      <Button type="primary" onClick={onRetry ?? (() => window.location.reload())}>
        {onRetry ? t('common.retry') : t('errors.reload')}
      </Button>
    </div>
  );
}
