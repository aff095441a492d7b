import { Alert, Button, Flex, Progress, Typography } from 'antd';
import { useTexts } from '../../../app/texts.ts';
import type { PhotoUpload } from './photo-upload.ts';
import { workTexts } from './texts.ts';

/**
 * Where photos of a saved order stand: a progress bar, "n uploaded", or the
 * failure with "try again" (the photos are still in the browser) — never a
 * lost order, since the order was saved before its photos went.
 */
export function PhotoUploadStatus({
  state,
  count,
  onRetry,
  onSkip,
}: {
  state: PhotoUpload;
  count: number;
  onRetry: () => void;
  onSkip?: () => void;
}) {
  const t = useTexts(workTexts).photos;
  if (state.progress !== null)
    return (
      <Flex vertical gap={4} style={{ width: '100%' }}>
        <Typography.Text>{t.uploading(count)}</Typography.Text>
        <Progress percent={Math.round(state.progress * 100)} aria-label={t.uploading(count)} />
      </Flex>
    );
  if (state.error)
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        style={{ width: '100%', textAlign: 'start' }}
        title={t.failed}
        description={state.error.message}
        action={
          <Flex vertical gap={8}>
            <Button size="small" type="primary" onClick={onRetry}>
              {t.retry}
            </Button>
            {onSkip && (
              <Button size="small" onClick={onSkip}>
                {t.skip}
              </Button>
            )}
          </Flex>
        }
      />
    );
  if (state.sent > 0)
    return (
      <Typography.Text type="success" role="status">
        {t.uploaded(state.sent)}
      </Typography.Text>
    );
  return null;
}
