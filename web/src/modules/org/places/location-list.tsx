import { CloseOutlined, ImportOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api, unwrap } from '../../../app/api.ts';
import { useTexts } from '../../../app/texts.ts';
import { formatDateTime } from '../../../components/format.ts';
import { ImportDialog } from '../../../components/import-dialog.tsx';
import { ListPage } from '../../../components/list/list-page.tsx';
import type { ListColumn, ListFilter } from '../../../components/list/list-types.ts';
import { ActiveBadge, LocationIcon } from './location-icons.tsx';
import {
  LOCATION_TYPES,
  locationKeys,
  type Location,
  type LocationQuery,
  type Site,
} from './location-model.ts';
import { placesTexts } from './texts.ts';

type Props = {
  site: Site;
  /** The tree node the list is limited to (everything below it). */
  scope: Location | undefined;
  onClearScope: () => void;
  canManage: boolean;
  onOpen: (l: Location) => void;
  onImported: () => void;
};

/**
 * The locations of one site as a list: search, type and status filters,
 * limited to the subtree of the node selected in the tree (`under`), sorted
 * on the server, exported with the same filters. Ticked rooms go to the
 * label sheet.
 */
export function LocationList({ site, scope, onClearScope, canManage, onOpen, onImported }: Props) {
  const tx = useTexts(placesTexts);
  const { message } = App.useApp();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [ticked, setTicked] = useState<string[]>([]);
  const [importing, setImporting] = useState(false);
  const [search] = useSearchParams();
  const filtered = ['q', 'type', 'active', 'under'].some((k) => search.get(k));

  const columns: ListColumn<Location>[] = [
    {
      key: 'name',
      title: tx.list.name,
      sortKey: 'name',
      cardTitle: true,
      render: (l) => (
        // Long names wrap rather than widen the table beyond the screen.
        <span
          style={{
            display: 'inline-flex',
            gap: 6,
            alignItems: 'baseline',
            maxWidth: 200,
            whiteSpace: 'normal',
          }}
        >
          <LocationIcon type={l.type} />
          <span style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
            {l.name}
            {!l.active && <Tag style={{ marginInlineStart: 6 }}>{tx.list.inactive}</Tag>}
          </span>
        </span>
      ),
    },
    { key: 'code', title: tx.list.code, sortKey: 'code', render: (l) => l.code },
    { key: 'type', title: tx.list.type, sortKey: 'type', render: (l) => tx.types[l.type] },
    {
      key: 'path',
      title: tx.list.path,
      render: (l) => (
        <Typography.Text
          type="secondary"
          style={{ display: 'inline-block', maxWidth: 220, overflowWrap: 'anywhere' }}
        >
          {l.path}
        </Typography.Text>
      ),
    },
    {
      key: 'areaM2',
      title: tx.list.areaM2,
      align: 'right',
      hidden: true,
      render: (l) => l.areaM2 ?? '—',
    },
    {
      // Inactive ones are tagged beside their name; the column is for those who want it.
      key: 'active',
      title: tx.list.status,
      hidden: true,
      render: (l) => <ActiveBadge active={l.active} />,
    },
    {
      key: 'updatedAt',
      title: tx.list.updatedAt,
      hidden: true,
      render: (l) => formatDateTime(l.updatedAt),
    },
  ];

  const filters: ListFilter[] = [
    { type: 'search', key: 'q', label: tx.list.search },
    {
      type: 'select',
      key: 'type',
      label: tx.list.type,
      options: LOCATION_TYPES.map((t) => ({ value: t, label: tx.types[t] })),
    },
    {
      type: 'select',
      key: 'active',
      label: tx.list.status,
      options: [
        { value: 'true', label: tx.list.active },
        { value: 'false', label: tx.list.inactive },
      ],
    },
    {
      // Set by selecting a node in the tree; shown here so it can be seen and cleared.
      type: 'custom',
      key: 'under',
      label: tx.list.clearScope,
      render: () =>
        scope && (
          <span style={{ display: 'inline-flex', alignItems: 'center', flexWrap: 'wrap' }}>
            <Tag color="blue" style={{ lineHeight: '30px', marginInlineEnd: 0 }}>
              {tx.list.scope(scope.path)}
            </Tag>
            <Button type="link" size="small" icon={<CloseOutlined />} onClick={onClearScope}>
              {tx.list.clearScope}
            </Button>
          </span>
        ),
    },
    // The site chosen above the page: a list filter too, so the export gets it.
    { type: 'custom', key: 'siteId', label: tx.site.label, render: () => null },
  ];

  const printTicked = () => void navigate(`/locations/labels?ids=${ticked.join(',')}`);

  return (
    <>
      <ListPage<Location>
        id="locations"
        title={tx.list.title}
        columns={columns}
        filters={filters}
        queryKey={locationKeys.list(site.id)}
        fetchPage={(query) =>
          unwrap(
            api.GET('/api/locations', {
              params: { query: { ...(query as LocationQuery), siteId: site.id } },
            }),
          )
        }
        rowKey={(l) => l.id}
        exportPath="/api/locations/export.xlsx"
        onOpen={onOpen}
        selection={{ keys: ticked, onChange: (keys) => setTicked(keys.slice(0, 200)) }}
        actions={
          <>
            <Button
              type={ticked.length > 0 ? 'primary' : 'default'}
              icon={<PrinterOutlined />}
              disabled={ticked.length === 0}
              title={ticked.length === 0 ? tx.list.printSelectedHint : undefined}
              onClick={printTicked}
            >
              {tx.list.printSelected(ticked.length)}
            </Button>
            {ticked.length > 0 && (
              <Button onClick={() => setTicked([])}>{tx.list.clearSelected}</Button>
            )}
            {canManage && (
              <Button icon={<ImportOutlined />} onClick={() => setImporting(true)}>
                {tx.list.import}
              </Button>
            )}
          </>
        }
        emptyText={filtered ? tx.list.empty : tx.list.emptyFresh}
      />
      <ImportDialog
        open={importing}
        onClose={() => setImporting(false)}
        title={tx.list.importTitle}
        templateHref="/api/locations/import-template.xlsx"
        importUrl="/api/locations/import"
        onImported={() => {
          void message.success(tx.list.imported);
          void client.invalidateQueries({ queryKey: locationKeys.all });
          onImported();
        }}
      />
    </>
  );
}
