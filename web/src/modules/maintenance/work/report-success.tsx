import { CheckCircleFilled } from '@ant-design/icons';
import { Button, Card, Flex, Typography, theme } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTexts } from '../../../app/texts.ts';
import { usePhotoUpload } from './photo-upload.ts';
import { PhotoUploadStatus } from './photo-upload-status.tsx';
import { workTexts } from './texts.ts';

/**
 * After the report: the number to quote on the phone, and where to follow
 * it. The photos chosen in the form go up now that the order exists; if
 * that fails the order stands and the person can try again or go on.
 */
export function ReportSuccess({
  order,
  photos,
  onAnother,
}: {
  order: { id: string; number: string };
  photos: File[];
  onAnother: () => void;
}) {
  const tx = useTexts(workTexts);
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const upload = usePhotoUpload();
  const [skipped, setSkipped] = useState(false);
  // Once per order, even when React runs effects twice in development.
  const started = useRef<string | null>(null);
  useEffect(() => {
    if (photos.length === 0 || started.current === order.id) return;
    started.current = order.id;
    void upload.upload(order.id, photos);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- upload is a fresh object each render
  }, [order.id, photos]);
  const busy = upload.progress !== null;
  return (
    <Card style={{ maxWidth: 640 }}>
      <Flex vertical align="center" gap={12} style={{ textAlign: 'center' }} role="status">
        <CheckCircleFilled style={{ fontSize: 56, color: token.colorSuccess }} aria-hidden />
        <Typography.Title level={2} style={{ margin: 0, fontSize: 22 }}>
          {tx.report.successTitle}
        </Typography.Title>
        <Typography.Text style={{ fontSize: 28, fontWeight: 600 }} copyable>
          {order.number}
        </Typography.Text>
        <Typography.Paragraph style={{ margin: 0 }}>
          {tx.report.successBody(order.number)}
        </Typography.Paragraph>
        {photos.length > 0 && !skipped && (
          <PhotoUploadStatus
            state={upload}
            count={photos.length}
            onRetry={() => void upload.upload(order.id, photos)}
            onSkip={() => setSkipped(true)}
          />
        )}
        <Button
          type="primary"
          size="large"
          block
          disabled={busy}
          onClick={() => void navigate(`/maintenance/work-orders/${order.id}`)}
        >
          {tx.report.viewOrder}
        </Button>
        <Flex gap={16} wrap justify="center" align="center">
          <Button onClick={onAnother} disabled={busy}>
            {tx.report.another}
          </Button>
          <Link to="/maintenance/my-requests">{tx.report.myRequests}</Link>
        </Flex>
      </Flex>
    </Card>
  );
}
