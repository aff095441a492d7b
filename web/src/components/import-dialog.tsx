import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Progress, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api.ts';
import { xhrUpload } from './attachments/xhr-upload.ts';

type RowError = { row: number; column: string; message: string };
type ImportResult = { created: number; updated: number; unchanged: number; total: number };
type InvalidDetails = { rows: RowError[]; total: number; invalidRows: number; truncated: boolean };

const isInvalid = (d: unknown): d is InvalidDetails =>
  typeof d === 'object' && d !== null && Array.isArray((d as InvalidDetails).rows);

type Props = {
  open: boolean;
  onClose: () => void;
  title: string;
  /** `/api/people/import-template.xlsx` */
  templateHref: string;
  /** `/api/people/import` */
  importUrl: string;
  /** Called after a successful import (refresh the list). */
  onImported: (result: ImportResult) => void;
};

/**
 * Excel import in three steps: download the template, upload the filled-in
 * file (progress while it goes up, then while the server checks every row),
 * and either the counts of what was written or every row's error — in which
 * case nothing was written and the person fixes the file and tries again.
 */
export function ImportDialog({ open, onClose, title, templateHref, importUrl, onImported }: Props) {
  const { t } = useTranslation();
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  async function send(file: File) {
    const form = new FormData();
    form.append('file', file, file.name);
    setResult(null);
    setError(null);
    setProgress(0);
    try {
      const done = await xhrUpload<ImportResult>(importUrl, form, setProgress);
      setResult(done);
      onImported(done);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, { message: String(err) }));
    } finally {
      setProgress(null);
    }
  }

  const close = () => {
    if (progress !== null) return; // an import in flight finishes or fails on its own
    setResult(null);
    setError(null);
    onClose();
  };
  const details = error && isInvalid(error.details) ? error.details : null;

  return (
    <Modal open={open} title={title} onCancel={close} footer={null} width={720} destroyOnHidden>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph style={{ margin: 0 }}>
          {t('importer.step1')}{' '}
          <a href={templateHref} download>
            {t('importer.template')}
          </a>
        </Typography.Paragraph>
        <Upload.Dragger
          accept=".xlsx"
          maxCount={1}
          showUploadList={false}
          disabled={progress !== null}
          beforeUpload={(file) => {
            void send(file);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined aria-hidden />
          </p>
          <p>{t('importer.drop')}</p>
          <Typography.Text type="secondary">{t('importer.allOrNothing')}</Typography.Text>
        </Upload.Dragger>
        {progress !== null && (
          <div role="status">
            <Progress
              percent={Math.round(progress * 100)}
              status="active"
              aria-label={t('importer.uploading')}
            />
            <Typography.Text type="secondary">
              {progress < 1 ? t('importer.uploading') : t('importer.checking')}
            </Typography.Text>
          </div>
        )}
        {result && (
          <Alert
            type="success"
            showIcon
            role="status"
            title={t('importer.done', result)}
            action={<Button onClick={close}>{t('importer.close')}</Button>}
          />
        )}
        {error && <Alert type="error" showIcon role="alert" title={error.message} />}
        {details && (
          <Table<RowError>
            size="small"
            rowKey={(r) => `${r.row}-${r.column}-${r.message}`}
            dataSource={details.rows}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            columns={[
              { key: 'row', title: t('importer.row'), dataIndex: 'row', width: 80 },
              { key: 'column', title: t('importer.column'), dataIndex: 'column', width: 140 },
              { key: 'message', title: t('importer.message'), dataIndex: 'message' },
            ]}
            footer={
              details.truncated
                ? () => t('importer.truncated', { count: details.rows.length })
                : undefined
            }
          />
        )}
      </Space>
    </Modal>
  );
}
