import { DeleteOutlined, FileOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Image, Popconfirm, Progress, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api.ts';
import type { ApiResponse } from '../../app/api-models.ts';
import { ErrorResult } from '../error-result.tsx';
import { xhrUpload } from './xhr-upload.ts';

type Attachment = ApiResponse<'/api/attachments', 'get'>[number];

const isImage = (a: Attachment) => a.mime.startsWith('image/');
const inline = (a: Attachment) => `${a.downloadUrl}?disposition=inline`;

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * The files of one record: photos as thumbnails that open full size, other
 * files as download links; upload (several at once) with a progress bar.
 * The server checks the record's own permission for every call.
 */
export function AttachmentsPanel({
  entityType,
  entityId,
  canUpload,
}: {
  entityType: string;
  entityId: string;
  canUpload: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const key = ['attachments', entityType, entityId];
  const [progress, setProgress] = useState<number | null>(null);
  const list = useQuery({
    queryKey: key,
    queryFn: () =>
      unwrap(api.GET('/api/attachments', { params: { query: { entityType, entityId } } })),
  });
  const remove = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.DELETE('/api/attachments/{id}', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
    onError: (err) => void message.error(err.message),
  });

  async function upload(files: File[]) {
    const form = new FormData();
    form.append('entityType', entityType);
    form.append('entityId', entityId);
    for (const f of files) form.append('files', f, f.name);
    setProgress(0);
    try {
      await xhrUpload('/api/attachments', form, setProgress);
      void message.success(t('attachments.uploaded', { count: files.length }));
    } catch (err) {
      void message.error((err as Error).message);
    } finally {
      setProgress(null);
      await client.invalidateQueries({ queryKey: key });
    }
  }

  if (list.isError) return <ErrorResult error={list.error} onRetry={() => void list.refetch()} />;
  const items = list.data ?? [];
  const images = items.filter(isImage);
  const others = items.filter((a) => !isImage(a));
  return (
    <Flex vertical gap={12}>
      {canUpload && (
        <Upload
          multiple
          showUploadList={false}
          // Collect the whole selection, then send it as one request.
          beforeUpload={(_file, all) => {
            if (_file === all[all.length - 1]) void upload(all);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} disabled={progress !== null}>
            {t('attachments.upload')}
          </Button>
        </Upload>
      )}
      {progress !== null && (
        <Progress percent={Math.round(progress * 100)} aria-label={t('attachments.uploading')} />
      )}
      {items.length === 0 && !list.isLoading && (
        <Typography.Text type="secondary">{t('attachments.none')}</Typography.Text>
      )}
      {images.length > 0 && (
        <Image.PreviewGroup>
          <Flex wrap gap={8}>
            {images.map((a) => (
              <Image
                key={a.id}
                src={inline(a)}
                alt={a.filename}
                width={96}
                height={96}
                style={{ objectFit: 'cover', borderRadius: 4 }}
              />
            ))}
          </Flex>
        </Image.PreviewGroup>
      )}
      {[...others, ...images].length > 0 && (
        <Flex vertical gap={4}>
          {[...images, ...others].map((a) => (
            <Flex key={a.id} align="center" gap={8}>
              <FileOutlined aria-hidden />
              <a href={a.downloadUrl} download style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                {a.filename}
              </a>
              <Typography.Text type="secondary">
                {size(a.sizeBytes)} · {a.createdByName ?? ''}
              </Typography.Text>
              {canUpload && (
                <Popconfirm
                  title={t('attachments.deleteConfirm', { name: a.filename })}
                  onConfirm={() => remove.mutate(a.id)}
                >
                  <Button
                    type="text"
                    size="small"
                    icon={<DeleteOutlined />}
                    aria-label={t('attachments.delete', { name: a.filename })}
                  />
                </Popconfirm>
              )}
            </Flex>
          ))}
        </Flex>
      )}
    </Flex>
  );
}
