import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Select, Tag } from 'antd';
import { useTexts } from '../../../app/texts.ts';
import type { Site } from './location-model.ts';
import { placesTexts } from './texts.ts';

/** The site whose tree and list are shown, and the site buttons for org:manage holders. */
export function SiteBar({
  sites,
  site,
  onChange,
  canCreate,
  canEdit,
  onCreate,
  onEdit,
}: {
  sites: Site[];
  site: Site;
  onChange: (id: string) => void;
  /** org:manage org-wide: a new site is an organisation-level decision. */
  canCreate: boolean;
  /** org:manage at this site. */
  canEdit: boolean;
  onCreate: () => void;
  onEdit: () => void;
}) {
  const tx = useTexts(placesTexts);
  return (
    <Flex wrap gap={8} align="center">
      <Select
        aria-label={tx.site.choose}
        value={site.id}
        onChange={onChange}
        style={{ minWidth: 200, maxWidth: '100%' }}
        showSearch={sites.length > 8 ? { optionFilterProp: 'label' } : false}
        options={sites.map((s) => ({
          value: s.id,
          label: s.active ? s.name : `${s.name}（${tx.site.inactive}）`,
        }))}
      />
      {!site.active && <Tag>{tx.site.inactive}</Tag>}
      {canEdit && (
        <Button icon={<EditOutlined />} onClick={onEdit}>
          {tx.site.edit}
        </Button>
      )}
      {canCreate && (
        <Button icon={<PlusOutlined />} onClick={onCreate}>
          {tx.site.create}
        </Button>
      )}
    </Flex>
  );
}
