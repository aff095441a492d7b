import {
  AppstoreOutlined,
  BarChartOutlined,
  DownOutlined,
  PlusOutlined,
  PrinterOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Dropdown, Flex, Form, Grid, Modal, Space, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, unwrap } from '../../../app/api.ts';
import { useMe } from '../../../app/auth/me-context.ts';
import { can } from '../../../app/auth/session.ts';
import { useSiteChoice, useSites } from '../../../app/site-choice.ts';
import { useTexts } from '../../../app/texts.ts';
import { formatYuan } from '../../../components/format.ts';
import { ListPage } from '../../../components/list/list-page.tsx';
import type { ListColumn, ListFilter } from '../../../components/list/list-types.ts';
import { DepartmentSelect } from '../../org/people/departments/department-select.tsx';
import {
  StartOperationDialog,
  type OperationKindChoice,
} from '../operations/start-operation-dialog.tsx';
import { AssetCreateModal } from './asset-create-modal.tsx';
import { AssetImportDialog } from './asset-import-dialog.tsx';
import {
  ASSET_STATUSES,
  assetKeys,
  kindsFor,
  labelsHref,
  STATUS_COLORS,
  type Asset,
} from './model.ts';
import { CategorySelect, LocationSelect, PersonSelect, SiteSelect } from './pickers.tsx';
import { registerTexts } from './texts.ts';

const FILTER_KEYS = [
  'q',
  'categoryId',
  'siteId',
  'status',
  'departmentId',
  'locationId',
  'custodianPersonId',
  'condition',
  'purchasedFrom',
];

/**
 * 资产台账: every card the user may see (the API scopes it: site readers
 * all of their sites, a department head the department's, staff their own
 * custody), filtered in the URL; ticked cards get labels or an operation.
 */
export default function AssetsPage() {
  const tx = useTexts(registerTexts);
  const me = useMe();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [search] = useSearchParams();
  const [siteChoice] = useSiteChoice();
  const sites = useSites();
  const manage = can(me, 'assets:manage', 'site');
  const reader = can(me, 'assets:read', 'site');
  const [picked, setPicked] = useState<Map<string, Asset>>(new Map());
  const [kind, setKind] = useState<OperationKindChoice | null>(null);
  const [creating, setCreating] = useState(false);
  const [importSite, setImportSite] = useState<string | null>(null);
  const [choosingSite, setChoosingSite] = useState(false);
  const filtered = FILTER_KEYS.some((k) => search.has(k));
  const phone = Grid.useBreakpoint().md === false;

  const refresh = () => client.invalidateQueries({ queryKey: assetKeys.all });
  const pickedRows = [...picked.values()];
  const kinds = kindsFor([...new Set(pickedRows.map((a) => a.status))]);
  const startImport = () => {
    const only = sites.data?.length === 1 ? sites.data[0]?.id : undefined;
    const site = siteChoice ?? only ?? null;
    if (site) setImportSite(site);
    else setChoosingSite(true);
  };

  const custom = (
    key: string,
    label: string,
    input: (v: string | undefined, set: (v: string | undefined) => void) => ReactNode,
  ): ListFilter => ({
    type: 'custom',
    key,
    label,
    render: input,
  });
  const filters: ListFilter[] = [
    { type: 'search', key: 'q', label: tx.list.search },
    custom('categoryId', tx.field.category, (v, set) => (
      <CategorySelect
        aria-label={tx.field.category}
        placeholder={tx.field.category}
        value={v ?? null}
        onChange={(x) => set(x ?? undefined)}
        style={{ width: 200, maxWidth: '100%' }}
      />
    )),
    ...((sites.data?.length ?? 0) > 1
      ? [
          custom('siteId', tx.field.site, (v, set) => (
            <SiteSelect
              aria-label={tx.field.site}
              placeholder={tx.field.site}
              value={v ?? null}
              onChange={(x) => set(x ?? undefined)}
              style={{ width: 160, maxWidth: '100%' }}
            />
          )),
        ]
      : []),
    {
      type: 'select',
      key: 'status',
      label: tx.field.status,
      options: ASSET_STATUSES.map((s) => ({ value: s, label: tx.status[s] })),
    },
    ...(reader
      ? [
          custom('departmentId', tx.field.department, (v, set) => (
            <DepartmentSelect
              aria-label={tx.field.department}
              placeholder={tx.field.department}
              allowInactive
              value={v ?? null}
              onChange={(x) => set(x ?? undefined)}
              style={{ width: 180, maxWidth: '100%' }}
            />
          )),
          custom('locationId', tx.field.location, (v, set) => (
            <LocationSelect
              aria-label={tx.field.location}
              placeholder={tx.field.location}
              siteId={search.get('siteId') ?? siteChoice}
              value={v ?? null}
              onChange={(x) => set(x ?? undefined)}
              style={{ width: 200, maxWidth: '100%' }}
            />
          )),
          custom('custodianPersonId', tx.field.custodian, (v, set) => (
            <PersonSelect
              aria-label={tx.field.custodian}
              placeholder={tx.field.custodian}
              value={v ?? null}
              onChange={(x) => set(x ?? undefined)}
              style={{ width: 160, maxWidth: '100%' }}
            />
          )),
        ]
      : []),
    {
      type: 'select',
      key: 'condition',
      label: tx.field.condition,
      options: (['good', 'fair', 'poor', 'damaged'] as const).map((c) => ({
        value: c,
        label: tx.condition[c],
      })),
    },
    { type: 'dateRange', key: 'purchasedFrom', toKey: 'purchasedTo', label: tx.field.purchased },
  ];

  const none = tx.common.none;
  const columns: ListColumn<Asset>[] = [
    { key: 'tagNo', title: tx.field.tagNo, sortKey: 'tagNo', render: (a) => a.tagNo },
    {
      key: 'name',
      title: tx.field.name,
      sortKey: 'name',
      cardTitle: true,
      render: (a) => (
        <Link to={`/assets/${a.id}`} onClick={(e) => e.stopPropagation()}>
          {a.name}
        </Link>
      ),
    },
    { key: 'code', title: tx.field.code, sortKey: 'code', hidden: true, render: (a) => a.code },
    { key: 'category', title: tx.field.category, render: (a) => a.category.name },
    { key: 'model', title: tx.field.model, hidden: true, render: (a) => a.model ?? none },
    {
      key: 'status',
      title: tx.field.status,
      render: (a) => <Tag color={STATUS_COLORS[a.status]}>{tx.status[a.status]}</Tag>,
    },
    { key: 'department', title: tx.field.department, render: (a) => a.department?.name ?? none },
    { key: 'location', title: tx.field.location, render: (a) => a.location?.name ?? none },
    { key: 'custodian', title: tx.field.custodian, render: (a) => a.custodian?.name ?? none },
    { key: 'site', title: tx.field.site, hidden: true, render: (a) => a.site.name },
    {
      key: 'value',
      title: tx.field.originalValue,
      sortKey: 'value',
      align: 'right',
      render: (a) => formatYuan(a.originalValueFen),
    },
    {
      key: 'net',
      title: tx.field.netValue,
      align: 'right',
      hidden: true,
      render: (a) => formatYuan(a.netValueFen),
    },
    {
      key: 'purchaseDate',
      title: tx.field.purchaseDate,
      sortKey: 'purchaseDate',
      render: (a) => a.purchaseDate ?? none,
    },
    {
      key: 'condition',
      title: tx.field.condition,
      hidden: true,
      render: (a) => tx.condition[a.condition],
    },
  ];

  // A phone's card: the name on top, then the few lines a person checks on the spot.
  const cardColumns = ['name', 'tagNo', 'status', 'department', 'location', 'custodian', 'value'];
  const shown = phone ? columns.filter((c) => cardColumns.includes(c.key)) : columns;

  const selectionBar = picked.size > 0 && (
    <Flex
      wrap
      gap={8}
      align="center"
      role="region"
      aria-label={tx.list.selected(picked.size)}
      style={{ marginBottom: 12, padding: '8px 12px', background: '#e6f4ff', borderRadius: 6 }}
    >
      <Typography.Text strong>{tx.list.selected(picked.size)}</Typography.Text>
      <Button
        icon={<PrinterOutlined />}
        onClick={() => void navigate(labelsHref([...picked.keys()]))}
      >
        {tx.list.printLabels}
      </Button>
      {manage && (
        <Dropdown
          trigger={['click']}
          disabled={kinds.length === 0}
          menu={{
            items: kinds.map((k) => ({ key: k, label: tx.kind[k] })),
            onClick: ({ key }) => setKind(key as OperationKindChoice),
          }}
        >
          <Button title={kinds.length === 0 ? tx.list.noKind : undefined}>
            <Space>
              {tx.list.operate}
              <DownOutlined aria-hidden />
            </Space>
          </Button>
        </Dropdown>
      )}
      <Button type="link" onClick={() => setPicked(new Map())}>
        {tx.list.clear}
      </Button>
    </Flex>
  );

  return (
    <>
      <ListPage<Asset>
        id="assets"
        title={tx.list.title}
        columns={shown}
        filters={filters}
        queryKey={assetKeys.list}
        fetchPage={(query) => unwrap(api.GET('/api/assets', { params: { query } }))}
        rowKey={(a) => a.id}
        exportPath={can(me, 'assets:export', 'site') ? '/api/assets/export.xlsx' : undefined}
        onOpen={(a) => void navigate(`/assets/${a.id}`)}
        selection={{
          keys: [...picked.keys()],
          onChange: (keys, rows) =>
            setPicked((prev) => {
              // Rows of other pages stay ticked; antd hands back only those it still knows.
              const next = new Map<string, Asset>();
              for (const k of keys) {
                const row = rows.find((r) => r?.id === k) ?? prev.get(k);
                if (row) next.set(k, row);
              }
              return next;
            }),
        }}
        extra={selectionBar}
        emptyText={filtered ? tx.list.noMatch : reader ? tx.list.empty : tx.list.emptyMine}
        actions={
          <>
            {manage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {tx.list.create}
              </Button>
            )}
            {manage && (
              <Button icon={<UploadOutlined />} onClick={startImport}>
                {tx.list.import}
              </Button>
            )}
            {can(me, 'assets:manage') && (
              <Button
                icon={<AppstoreOutlined />}
                onClick={() => void navigate('/assets/categories')}
              >
                {tx.list.categories}
              </Button>
            )}
            {reader && (
              <Button icon={<BarChartOutlined />} onClick={() => void navigate('/assets/reports')}>
                {tx.list.reports}
              </Button>
            )}
          </>
        }
      />
      <AssetCreateModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={() => void refresh()}
      />
      <ImportSiteModal
        open={choosingSite}
        onCancel={() => setChoosingSite(false)}
        onChoose={(site) => {
          setChoosingSite(false);
          setImportSite(site);
        }}
      />
      <AssetImportDialog
        siteId={importSite}
        siteName={sites.data?.find((s) => s.id === importSite)?.name ?? ''}
        onClose={() => setImportSite(null)}
        onImported={() => void refresh()}
      />
      <StartOperationDialog
        kind={kind}
        assets={pickedRows.map((a) => ({
          id: a.id,
          tagNo: a.tagNo,
          name: a.name,
          status: a.status,
          siteId: a.site.id,
        }))}
        onClose={() => setKind(null)}
        onDone={(id) => {
          setKind(null);
          setPicked(new Map());
          // The dialog itself says it was submitted and with which number.
          void refresh();
          void navigate(`/assets/operations/${id}`);
        }}
      />
    </>
  );
}

/** Imports register cards at one site: asked when the header shows no single site. */
function ImportSiteModal({
  open,
  onCancel,
  onChoose,
}: {
  open: boolean;
  onCancel: () => void;
  onChoose: (site: string) => void;
}) {
  const tx = useTexts(registerTexts);
  const [site, setSite] = useState<string | null>(null);
  return (
    <Modal
      open={open}
      title={tx.list.importTitle}
      onCancel={onCancel}
      okButtonProps={{ disabled: !site }}
      onOk={() => site && onChoose(site)}
      cancelText={tx.common.cancel}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={tx.list.importSiteHint} style={{ marginBottom: 16 }} />
      <Form layout="vertical">
        <Form.Item label={tx.list.importSite} htmlFor="asset-import-site">
          <SiteSelect id="asset-import-site" value={site} onChange={setSite} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
