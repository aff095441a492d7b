import {
  AppstoreOutlined,
  BankOutlined,
  EnvironmentOutlined,
  LayoutOutlined,
} from '@ant-design/icons';
import { Badge } from 'antd';
import { useTexts } from '../../../app/texts.ts';
import type { LocationType } from './location-model.ts';
import { placesTexts } from './texts.ts';

/** One icon per location type, the same in the tree, the list and the landing page. */
export function LocationIcon({ type }: { type: LocationType }) {
  switch (type) {
    case 'building':
      return <BankOutlined aria-hidden />;
    case 'floor':
      return <LayoutOutlined aria-hidden />;
    case 'room':
      return <EnvironmentOutlined aria-hidden />;
    case 'area':
      return <AppstoreOutlined aria-hidden />;
  }
}

/** Active / inactive as a dot and plain text (a green tag's text is too pale to read well). */
export function ActiveBadge({ active }: { active: boolean }) {
  const tx = useTexts(placesTexts);
  return active ? (
    <Badge status="success" text={tx.list.active} />
  ) : (
    <Badge status="default" text={tx.list.inactive} />
  );
}
