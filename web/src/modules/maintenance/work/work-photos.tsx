import { useQuery } from '@tanstack/react-query';
import { Card, Collapse, Flex, Image, Skeleton, Typography } from 'antd';
import { api, unwrap } from '../../../app/api.ts';
import type { ApiResponse } from '../../../app/api-models.ts';
import { useTexts } from '../../../app/texts.ts';
import { AttachmentsPanel } from '../../../components/attachments/attachments-panel.tsx';
import { ErrorResult } from '../../../components/error-result.tsx';
import { formatDateTime } from '../../../components/format.ts';
import type { WorkOrderDetail } from './model.ts';
import { photoKey } from './photo-upload.ts';
import { workTexts } from './texts.ts';

type Attachment = ApiResponse<'/api/attachments', 'get'>[number];

/**
 * Attachments carry no phase, so the completion time splits them: photos
 * added before the order was completed show the fault, those added at or
 * after it the repair (the technician's photos go up right after "complete").
 */
export function splitPhotos(items: Attachment[], completedAt: string | null) {
  const images = items.filter((a) => a.mime.startsWith('image/'));
  const done = completedAt ? Date.parse(completedAt) : Infinity;
  return {
    before: images.filter((a) => Date.parse(a.createdAt) < done),
    after: images.filter((a) => Date.parse(a.createdAt) >= done),
  };
}

/**
 * 照片: the fault as reported and the finished repair, side by side, each
 * opening full size (swipe through them on a phone). Uploading and deleting
 * are in the shared attachments panel below, for those the server lets add
 * files (requester, technician, dispatcher, until the order is closed).
 */
export function WorkPhotos({ order, canUpload }: { order: WorkOrderDetail; canUpload: boolean }) {
  const tx = useTexts(workTexts);
  const t = tx.photos;
  // Same key as AttachmentsPanel: one request, and an upload there refreshes these groups.
  const list = useQuery({
    queryKey: photoKey(order.id),
    queryFn: () =>
      unwrap(
        api.GET('/api/attachments', {
          params: { query: { entityType: 'work_order', entityId: order.id } },
        }),
      ),
  });
  const title = <h2 style={{ margin: 0, fontSize: 16 }}>{t.title}</h2>;
  if (list.isError)
    return (
      <Card title={title}>
        <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
      </Card>
    );
  if (list.isPending)
    return (
      <Card title={title}>
        <Skeleton active paragraph={{ rows: 2 }} />
      </Card>
    );
  const { before, after } = splitPhotos(list.data, order.completedAt);
  const showAfter = after.length > 0 || !!order.startedAt;

  return (
    <Card title={title}>
      <Flex vertical gap={16}>
        <PhotoGroup label={t.before} empty={t.noneBefore} items={before} testId="photos-before" />
        {showAfter && (
          <PhotoGroup label={t.after} empty={t.noneAfter} items={after} testId="photos-after" />
        )}
        {(canUpload || list.data.length > 0) && (
          <Collapse
            size="small"
            items={[
              {
                key: 'files',
                label: canUpload ? t.manage : t.files,
                children: (
                  <AttachmentsPanel
                    entityType="work_order"
                    entityId={order.id}
                    canUpload={canUpload}
                  />
                ),
              },
            ]}
          />
        )}
      </Flex>
    </Card>
  );
}

function PhotoGroup({
  label,
  empty,
  items,
  testId,
}: {
  label: string;
  empty: string;
  items: Attachment[];
  testId: string;
}) {
  return (
    <section aria-label={label} data-testid={testId}>
      <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
        {label}
        {items.length > 0 && ` (${items.length})`}
      </Typography.Text>
      {items.length === 0 ? (
        <Typography.Text type="secondary">{empty}</Typography.Text>
      ) : (
        <Image.PreviewGroup>
          <Flex wrap gap={8}>
            {items.map((a) => (
              <Image
                key={a.id}
                src={`${a.downloadUrl}?disposition=inline`}
                alt={`${a.filename} · ${formatDateTime(a.createdAt)}`}
                width={96}
                height={96}
                style={{ objectFit: 'cover', borderRadius: 4 }}
              />
            ))}
          </Flex>
        </Image.PreviewGroup>
      )}
    </section>
  );
}
