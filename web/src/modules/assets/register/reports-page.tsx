import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Button,
  Card,
  DatePicker,
  Empty,
  Flex,
  Form,
  InputNumber,
  Table,
  Tabs,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState, type ReactNode } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api, unwrap } from '../../../app/api.ts';
import { useSites } from '../../../app/site-choice.ts';
import { useTexts } from '../../../app/texts.ts';
import { ErrorResult } from '../../../components/error-result.tsx';
import { formatYuan } from '../../../components/format.ts';
import { PageTitle } from '../../../components/page-title.tsx';
import { DepartmentSelect } from '../../org/people/departments/department-select.tsx';
import { ChangesReport, defaultPeriod } from './changes-report.tsx';
import { assetKeys } from './model.ts';
import { CategorySelect, SiteSelect } from './pickers.tsx';
import { registerTexts } from './texts.ts';

/** `?a=1&b=` without the empty values. */
function query(values: Record<string, string | number | null | undefined>) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(values))
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  return q.toString();
}

const thisYear = () => new Date().getFullYear();

/**
 * 台账报表: the register by department (count, original and net value on a
 * date, with totals), the year's depreciation by category and month, the
 * changes over a period by category (资产增减变动表), and
 * the custody agreement of a department — each exportable to Excel or print.
 * The tab and its inputs live in the URL, so a report can be bookmarked.
 */
export default function RegisterReportsPage() {
  const tx = useTexts(registerTexts);
  const [search, setSearch] = useSearchParams();
  const tab = search.get('tab') ?? 'register';
  const set = (patch: Record<string, string | null>) =>
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch))
          if (v) next.set(k, v);
          else next.delete(k);
        return next;
      },
      { replace: true },
    );
  const sites = useSites();
  const siteId = search.get('siteId');
  const siteFilter = (sites.data?.length ?? 0) > 1 && (
    <Form.Item label={tx.reports.site} htmlFor="report-site" style={{ margin: 0 }}>
      <SiteSelect
        id="report-site"
        placeholder={tx.reports.allSites}
        value={siteId}
        onChange={(v) => set({ siteId: v })}
        style={{ width: 180 }}
      />
    </Form.Item>
  );

  return (
    <>
      <PageTitle>{tx.reports.title}</PageTitle>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(k) => set({ tab: k })}
          items={[
            {
              key: 'register',
              label: tx.reports.byDepartment,
              children: (
                <ByDepartment
                  siteFilter={siteFilter}
                  siteId={siteId}
                  set={set}
                  asOf={search.get('asOf')}
                />
              ),
            },
            {
              key: 'depreciation',
              label: tx.reports.depreciation,
              children: (
                <Depreciation
                  siteFilter={siteFilter}
                  siteId={siteId}
                  set={set}
                  year={Number(search.get('year')) || thisYear()}
                  categoryId={search.get('categoryId')}
                />
              ),
            },
            {
              key: 'changes',
              label: tx.reports.changes,
              children: (
                <ChangesReport
                  siteFilter={siteFilter}
                  siteId={siteId}
                  set={set}
                  from={search.get('from') ?? defaultPeriod().from}
                  to={search.get('to') ?? defaultPeriod().to}
                />
              ),
            },
            { key: 'custody', label: tx.reports.custody, children: <Custody /> },
          ]}
        />
      </Card>
    </>
  );
}

type Setter = (patch: Record<string, string | null>) => void;

function ByDepartment({
  siteFilter,
  siteId,
  asOf,
  set,
}: {
  siteFilter: ReactNode;
  siteId: string | null;
  asOf: string | null;
  set: Setter;
}) {
  const tx = useTexts(registerTexts);
  const q = { siteId: siteId ?? undefined, asOf: asOf ?? undefined };
  const report = useQuery({
    queryKey: [...assetKeys.reports, 'register', q],
    queryFn: () => unwrap(api.GET('/api/assets/reports/register', { params: { query: q } })),
    placeholderData: keepPreviousData,
  });
  type Row = NonNullable<typeof report.data>['rows'][number];
  const money = { align: 'right' as const };
  return (
    <Flex vertical gap={16}>
      <Flex wrap gap={12} align="center">
        {siteFilter}
        <Form.Item label={tx.reports.asOf} htmlFor="report-asof" style={{ margin: 0 }}>
          <DatePicker
            id="report-asof"
            value={asOf ? dayjs(asOf) : null}
            onChange={(d) => set({ asOf: d ? d.format('YYYY-MM-DD') : null })}
          />
        </Form.Item>
        <Button
          icon={<DownloadOutlined />}
          href={`/api/assets/reports/register.xlsx?${query(q)}`}
          download
        >
          {tx.reports.export}
        </Button>
      </Flex>
      {report.isError ? (
        <ErrorResult error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        <Table<Row>
          size="small"
          rowKey={(r) => r.department?.id ?? 'idle'}
          loading={report.isFetching}
          dataSource={report.data?.rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={tx.reports.empty} /> }}
          columns={[
            {
              key: 'd',
              title: tx.reports.department,
              render: (_, r) => r.department?.name ?? tx.reports.idlePool,
            },
            { key: 'c', title: tx.reports.count, ...money, render: (_, r) => r.count },
            { key: 'q', title: tx.reports.quantity, ...money, render: (_, r) => r.quantity },
            {
              key: 'o',
              title: tx.reports.original,
              ...money,
              render: (_, r) => formatYuan(r.originalValueFen),
            },
            {
              key: 'n',
              title: `${tx.reports.net}（${report.data?.asOf ?? ''}）`,
              ...money,
              render: (_, r) => formatYuan(r.netValueFen),
            },
          ]}
          summary={() =>
            report.data && (
              <Table.Summary.Row style={{ fontWeight: 600 }}>
                <Table.Summary.Cell index={0}>{tx.reports.total}</Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  {report.data.totals.count}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  {report.data.totals.quantity}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">
                  {formatYuan(report.data.totals.originalValueFen)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={4} align="right">
                  {formatYuan(report.data.totals.netValueFen)}
                </Table.Summary.Cell>
              </Table.Summary.Row>
            )
          }
        />
      )}
    </Flex>
  );
}

function Depreciation({
  siteFilter,
  siteId,
  year,
  categoryId,
  set,
}: {
  siteFilter: ReactNode;
  siteId: string | null;
  year: number;
  categoryId: string | null;
  set: Setter;
}) {
  const tx = useTexts(registerTexts);
  const q = { year, siteId: siteId ?? undefined, categoryId: categoryId ?? undefined };
  const report = useQuery({
    queryKey: [...assetKeys.reports, 'depreciation', q],
    queryFn: () => unwrap(api.GET('/api/assets/reports/depreciation', { params: { query: q } })),
    placeholderData: keepPreviousData,
  });
  type Row = NonNullable<typeof report.data>['rows'][number];
  const months = Array.from({ length: 12 }, (_, i) => i);
  return (
    <Flex vertical gap={16}>
      <Flex wrap gap={12} align="center">
        {siteFilter}
        <Form.Item label={tx.reports.year} htmlFor="report-year" style={{ margin: 0 }}>
          <InputNumber
            id="report-year"
            min={2000}
            max={2200}
            precision={0}
            value={year}
            onChange={(v) => v && v >= 2000 && set({ year: String(v) })}
          />
        </Form.Item>
        <Form.Item label={tx.reports.category} htmlFor="report-category" style={{ margin: 0 }}>
          <CategorySelect
            id="report-category"
            placeholder={tx.reports.allCategories}
            value={categoryId}
            onChange={(v) => set({ categoryId: v })}
            style={{ width: 200 }}
          />
        </Form.Item>
        <Button
          icon={<DownloadOutlined />}
          href={`/api/assets/reports/depreciation.xlsx?${query(q)}`}
          download
        >
          {tx.reports.export}
        </Button>
      </Flex>
      {report.isError ? (
        <ErrorResult error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        <Table<Row>
          size="small"
          rowKey={(r) => r.category.id}
          loading={report.isFetching}
          dataSource={report.data?.rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={tx.reports.empty} /> }}
          columns={[
            {
              key: 'c',
              title: tx.reports.category,
              fixed: 'left',
              render: (_, r) => r.category.name,
            },
            { key: 'n', title: tx.reports.count, align: 'right', render: (_, r) => r.count },
            ...months.map((m) => ({
              key: `m${m}`,
              title: tx.reports.month(m + 1),
              align: 'right' as const,
              render: (_: unknown, r: Row) => formatYuan(r.months[m] ?? 0),
            })),
            {
              key: 't',
              title: tx.reports.totalYear,
              align: 'right',
              render: (_, r) => formatYuan(r.totalFen),
            },
          ]}
          summary={() =>
            report.data && (
              <Table.Summary.Row style={{ fontWeight: 600 }}>
                <Table.Summary.Cell index={0}>{tx.reports.total}</Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  {report.data.totals.count}
                </Table.Summary.Cell>
                {months.map((m) => (
                  <Table.Summary.Cell key={m} index={m + 2} align="right">
                    {formatYuan(report.data?.totals.months[m] ?? 0)}
                  </Table.Summary.Cell>
                ))}
                <Table.Summary.Cell index={14} align="right">
                  {formatYuan(report.data.totals.totalFen)}
                </Table.Summary.Cell>
              </Table.Summary.Row>
            )
          }
        />
      )}
    </Flex>
  );
}

/** Picks a department and year; the agreement page prints it and keeps the signed scan. */
function Custody() {
  const tx = useTexts(registerTexts);
  const navigate = useNavigate();
  const [department, setDepartment] = useState<string | null>(null);
  const [year, setYear] = useState(thisYear());
  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph style={{ margin: 0 }}>{tx.reports.custodyHint}</Typography.Paragraph>
      <Flex wrap gap={12} align="center">
        <Form.Item label={tx.reports.department} htmlFor="custody-dept" style={{ margin: 0 }}>
          <DepartmentSelect
            id="custody-dept"
            placeholder={tx.reports.chooseDepartment}
            value={department}
            onChange={setDepartment}
            style={{ width: 220 }}
          />
        </Form.Item>
        <Form.Item label={tx.reports.year} htmlFor="custody-year" style={{ margin: 0 }}>
          <InputNumber
            id="custody-year"
            min={2000}
            max={2200}
            precision={0}
            value={year}
            onChange={(v) => v && setYear(v)}
          />
        </Form.Item>
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          disabled={!department}
          onClick={() => void navigate(`/assets/custody/${department}?year=${year}`)}
        >
          {tx.reports.print}
        </Button>
      </Flex>
    </Flex>
  );
}
