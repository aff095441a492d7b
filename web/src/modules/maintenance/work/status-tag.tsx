import { Tag } from 'antd';
import { useTexts } from '../../../app/texts.ts';
import { STATUS_STYLES, type Status } from './model.ts';
import { workTexts } from './texts.ts';

export function StatusTag({ status }: { status: Status }) {
  const tx = useTexts(workTexts);
  return <Tag style={{ ...STATUS_STYLES[status], marginInlineEnd: 0 }}>{tx.status[status]}</Tag>;
}
