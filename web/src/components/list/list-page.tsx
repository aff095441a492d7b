import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Flex, Grid, Pagination, Space, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useRef, type Key, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorResult } from '../error-result.tsx';
import { ColumnChooser, useHiddenColumns } from './column-chooser.tsx';
import { useFocusableScroll } from './focusable-scroll.ts';
import { FilterBar } from './filter-bar.tsx';
import { exportHref, PAGE_SIZES, toApiQuery, useListParams } from './list-params.ts';
import { filterKeys, type ListColumn, type ListFilter, type Page } from './list-types.ts';

export type ListPageProps<T> = {
  /** Remembers the column choice; unique per list. */
  id: string;
  title: ReactNode;
  columns: ListColumn<T>[];
  filters?: ListFilter[];
  /** Cache key of the list; the URL state is appended to it. */
  queryKey: readonly unknown[];
  /** Loads one page: `(query) => unwrap(api.GET('/api/people', { params: { query } }))`. */
  fetchPage: (query: Record<string, string | number>) => Promise<Page<T>>;
  rowKey: (row: T) => string;
  /** The `.xlsx` export endpoint taking the list's filters; omitted = no export button. */
  exportPath?: string;
  /** Buttons beside the title (create, import…). */
  actions?: ReactNode;
  /** Opens a row (detail drawer); the whole row / card is clickable. */
  onOpen?: (row: T) => void;
  /** Ticking rows (e.g. rooms to print labels for). */
  selection?: { keys: string[]; onChange: (keys: string[], rows: T[]) => void };
  /** Shown above the table, below the filters (e.g. a tree or a summary). */
  extra?: ReactNode;
  emptyText?: ReactNode;
};

/**
 * The list page every module uses: server-side paging and sorting, filters
 * kept in the URL, a column chooser, and an Excel export of exactly the
 * filtered rows. Below 768 px the table becomes cards.
 */
export function ListPage<T>(props: ListPageProps<T>) {
  const { t } = useTranslation();
  const filters = props.filters ?? [];
  const [params, update] = useListParams(filterKeys(filters));
  const [hidden, setHidden] = useHiddenColumns(props.id, props.columns);
  const phone = Grid.useBreakpoint().md === false;
  const root = useRef<HTMLElement>(null);
  useFocusableScroll(root);
  const query = toApiQuery(params);
  const list = useQuery({
    queryKey: [...props.queryKey, query],
    queryFn: () => props.fetchPage(query),
    placeholderData: keepPreviousData,
  });
  const visible = props.columns.filter((c) => !hidden.has(c.key));
  const total = list.data?.total ?? 0;
  const capped = list.data?.totalCapped === true;

  const pagination = {
    current: params.page,
    pageSize: params.pageSize,
    total,
    showSizeChanger: true,
    pageSizeOptions: PAGE_SIZES.map(String),
    showTotal: (n: number) => t(capped ? 'list.totalCapped' : 'list.total', { count: n }),
    onChange: (page: number, pageSize: number) =>
      update(pageSize !== params.pageSize ? { pageSize } : { page }),
  };

  const onTableChange: TableProps<T>['onChange'] = (_p, _f, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const column = props.columns.find((c) => c.key === s?.columnKey);
    if (!s?.order || !column?.sortKey) update({ sort: undefined, order: undefined });
    else update({ sort: column.sortKey, order: s.order === 'ascend' ? 'asc' : 'desc' });
  };

  const header = (
    <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
      <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
        {props.title}
      </Typography.Title>
      <Space wrap>
        {props.actions}
        {props.exportPath && (
          <Button icon={<DownloadOutlined />} href={exportHref(props.exportPath, params)} download>
            {t('list.export')}
          </Button>
        )}
        {!phone && <ColumnChooser columns={props.columns} hidden={hidden} onChange={setHidden} />}
      </Space>
    </Flex>
  );

  const body = list.isError ? (
    <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
  ) : phone ? (
    <CardList {...props} columns={visible} items={list.data?.items} loading={list.isFetching} />
  ) : (
    <Table<T>
      rowKey={props.rowKey}
      loading={list.isFetching}
      dataSource={list.data?.items}
      pagination={pagination}
      onChange={onTableChange}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: props.emptyText ?? <Empty description={t('list.empty')} /> }}
      rowSelection={
        props.selection && {
          selectedRowKeys: props.selection.keys,
          preserveSelectedRowKeys: true,
          onChange: (keys: Key[], rows: T[]) => props.selection?.onChange(keys.map(String), rows),
        }
      }
      onRow={(row) => (props.onOpen ? openable(() => props.onOpen?.(row)) : {})}
      columns={visible.map((c) => ({
        key: c.key,
        title: c.title,
        width: c.width,
        align: c.align,
        render: (_: unknown, row: T) => c.render(row),
        sorter: c.sortKey ? true : undefined,
        sortOrder:
          c.sortKey && params.sort === c.sortKey
            ? params.order === 'desc'
              ? 'descend'
              : 'ascend'
            : null,
      }))}
    />
  );

  return (
    <section ref={root}>
      {/* The table's hidden measuring row repeats the "select all" checkbox inside
          aria-hidden; invisible (it keeps its size) it is no longer focusable. */}
      <style>{'.ant-table-measure-row input { visibility: hidden; }'}</style>
      {header}
      {filters.length > 0 && (
        <div style={{ marginBottom: 16 }}>
          <FilterBar
            filters={filters}
            values={params.filters}
            onChange={(f) => update({ filters: f })}
          />
        </div>
      )}
      {props.extra}
      {body}
      {phone && total > 0 && (
        <Pagination {...pagination} simple style={{ marginTop: 16, textAlign: 'center' }} />
      )}
    </section>
  );
}

/**
 * A row or card that opens its record: by click, and for keyboard users by
 * Tab then Enter or Space (only when the row itself has focus, not a button in it).
 */
function openable(open: () => void) {
  return {
    onClick: open,
    tabIndex: 0,
    style: { cursor: 'pointer' },
    onKeyDown: (e: KeyboardEvent<HTMLElement>) => {
      if (e.target !== e.currentTarget || (e.key !== 'Enter' && e.key !== ' ')) return;
      e.preventDefault();
      open();
    },
  };
}

/** The phone layout: one card per row, the title column on top, the rest as label: value. */
function CardList<T>({
  columns,
  items,
  loading,
  rowKey,
  onOpen,
  emptyText,
}: Pick<ListPageProps<T>, 'rowKey' | 'onOpen' | 'emptyText'> & {
  columns: ListColumn<T>[];
  items: T[] | undefined;
  loading: boolean;
}) {
  const { t } = useTranslation();
  const titleColumn = columns.find((c) => c.cardTitle) ?? columns[0];
  const rest = columns.filter((c) => c !== titleColumn);
  if (!loading && items?.length === 0) return <Empty description={emptyText ?? t('list.empty')} />;
  return (
    <Flex vertical gap={8} role="list" aria-busy={loading}>
      {items?.map((row) => (
        <Card
          key={rowKey(row)}
          role="listitem"
          size="small"
          hoverable={!!onOpen}
          {...(onOpen ? openable(() => onOpen(row)) : {})}
          title={titleColumn?.render(row)}
        >
          {rest.map((c) => (
            <div key={c.key} style={{ display: 'flex', gap: 8, lineHeight: '24px' }}>
              <Typography.Text type="secondary" style={{ flex: '0 0 30%' }}>
                {c.title}
              </Typography.Text>
              <span style={{ minWidth: 0, overflowWrap: 'anywhere' }}>{c.render(row)}</span>
            </div>
          ))}
        </Card>
      ))}
    </Flex>
  );
}
