import { Tag } from 'antd';
import { useTexts } from '../../../app/texts.ts';
import { STATUS_STYLES, type DocumentStatus } from './data.ts';
import { storesTexts } from './texts.ts';

/** A document's status as a coloured tag (readable colours, see STATUS_STYLES). */
export function StatusTag({ status }: { status: DocumentStatus }) {
  const t = useTexts(storesTexts);
  return <Tag style={STATUS_STYLES[status]}>{t.status[status]}</Tag>;
}
