import { PrinterOutlined } from '@ant-design/icons';
import { App, Typography } from 'antd';
import { useNavigate } from 'react-router';
import type { ApiResponse } from '../../../app/api-models.ts';
import { useTexts } from '../../../app/texts.ts';
import { ImportDialog } from '../../../components/import-dialog.tsx';
import { labelsHref } from './model.ts';
import { registerTexts } from './texts.ts';

/** The import's answer: counts, its registration (for the labels) and the columns it left out. */
type AssetImportResult = ApiResponse<'/api/assets/import', 'post'>;

type Props = {
  /** The site the cards are registered at; null: closed. */
  siteId: string | null;
  siteName: string;
  onClose: () => void;
  /** After a successful import (refresh the list). */
  onImported: () => void;
};

/**
 * The Excel import of asset cards at one site. Once the cards are in, the
 * dialog gives way to the question batch registration asks too: print the
 * labels of exactly these cards now (the labels page by the registration's
 * operation) or later; columns the import left out are listed there.
 */
export function AssetImportDialog({ siteId, siteName, onClose, onImported }: Props) {
  const tx = useTexts(registerTexts);
  const { message, modal } = App.useApp();
  const navigate = useNavigate();

  function imported(r: AssetImportResult) {
    onImported();
    onClose();
    void message.success(tx.list.imported(r.created));
    const operationId = r.operationId;
    if (!operationId || r.created === 0) return;
    modal.confirm({
      title: tx.list.afterImportTitle,
      icon: <PrinterOutlined />,
      content: (
        <>
          <Typography.Paragraph>
            {tx.list.afterImportBody(r.created, r.operationNumber ?? '')}
          </Typography.Paragraph>
          {r.warnings.length > 0 && (
            <Typography.Paragraph type="warning" style={{ marginBottom: 0 }}>
              {tx.list.importIgnored}
              <ul style={{ margin: 0 }}>
                {r.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </Typography.Paragraph>
          )}
        </>
      ),
      okText: tx.list.printLabels,
      cancelText: tx.form.later,
      onOk: () => void navigate(labelsHref([], operationId)),
    });
  }

  // Mounted only while open, so a second import starts from an empty dialog.
  if (siteId === null) return null;
  return (
    <ImportDialog
      open
      onClose={onClose}
      title={`${tx.list.importTitle}${siteName ? ` · ${siteName}` : ''}`}
      templateHref="/api/assets/import/template.xlsx"
      importUrl={`/api/assets/import?siteId=${siteId}`}
      // The shared dialog types only the counts; this import answers more.
      onImported={(r) => imported(r as AssetImportResult)}
    />
  );
}
