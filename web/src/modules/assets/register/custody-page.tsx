import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Spin, Typography } from 'antd';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, unwrap } from '../../../app/api.ts';
import { useMe } from '../../../app/auth/me-context.ts';
import { can } from '../../../app/auth/session.ts';
import { useTexts } from '../../../app/texts.ts';
import { AttachmentsPanel } from '../../../components/attachments/attachments-panel.tsx';
import { ErrorResult } from '../../../components/error-result.tsx';
import { formatYuan } from '../../../components/format.ts';
import { assetKeys } from './model.ts';
import { registerTexts } from './texts.ts';

// A4 portrait with the printer's usual margins; the toolbar and the scan upload are not printed.
const CSS = `
@page { size: A4 portrait; margin: 15mm 12mm; }
.custody-page { background: #f0f0f0; min-height: 100vh; padding-bottom: 8mm; }
.custody-sheet { background: #fff; color: #000; max-width: 210mm; margin: 0 auto; padding: 15mm 12mm;
  box-shadow: 0 0 4px #bbb; box-sizing: border-box; font-size: 10.5pt; line-height: 1.6; }
.custody-sheet h1 { text-align: center; font-size: 18pt; margin: 0 0 4mm; letter-spacing: 4px; }
.custody-sheet h2 { font-size: 11pt; margin: 5mm 0 2mm; }
.custody-sheet table { width: 100%; border-collapse: collapse; font-size: 9pt; }
.custody-sheet th, .custody-sheet td { border: 1px solid #000; padding: 1mm 1.5mm; text-align: left; }
.custody-sheet td.num, .custody-sheet th.num { text-align: right; white-space: nowrap; }
.custody-sheet tfoot td { font-weight: 600; }
.custody-sheet thead { display: table-header-group; }
.custody-sheet tr { break-inside: avoid; }
.custody-signs { display: grid; grid-template-columns: repeat(3, 1fr); gap: 6mm; margin-top: 12mm; }
.custody-sign-space { height: 14mm; border-bottom: 1px solid #000; margin-bottom: 2mm; }
.custody-wrap { overflow-x: auto; }
@media print {
  .custody-page { background: #fff; padding: 0; }
  .custody-sheet { box-shadow: none; padding: 0; max-width: none; }
  .no-print { display: none !important; }
}
`;

/**
 * 财物管理责任书 of a department for a year (`/assets/custody/:departmentId?year=`):
 * the organisation, the department, its custodians, every asset it uses with
 * values and totals, and the signature lines; below the toolbar the signed
 * scan is uploaded (attachment entity `asset_custody`, the id the API gives).
 */
export default function CustodyPage() {
  const tx = useTexts(registerTexts);
  const me = useMe();
  const { departmentId = '' } = useParams();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const here = useLocation();
  const year = Number(search.get('year')) || undefined;
  const doc = useQuery({
    queryKey: [...assetKeys.all, 'custody', departmentId, year],
    queryFn: () =>
      unwrap(
        api.GET('/api/assets/custody/{departmentId}', {
          params: { path: { departmentId }, query: { year } },
        }),
      ),
  });
  const canUpload = can(me, 'assets:manage', 'site') || can(me, 'assets:sign', 'site');

  const back =
    here.key !== 'default' ? (
      <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(-1)}>
        {tx.custody.back}
      </Button>
    ) : (
      <Link to="/assets">
        <ArrowLeftOutlined /> {tx.custody.back}
      </Link>
    );

  const d = doc.data;
  return (
    <main className="custody-page">
      <style>{CSS}</style>
      <Flex
        className="no-print"
        wrap
        gap={12}
        align="center"
        style={{
          padding: 16,
          background: '#fff',
          marginBottom: 16,
          borderBottom: '1px solid #ddd',
        }}
      >
        {back}
        <Typography.Title level={1} style={{ fontSize: 18, margin: 0 }}>
          {tx.custody.title}
        </Typography.Title>
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          disabled={!d}
          onClick={() => window.print()}
        >
          {tx.custody.print}
        </Button>
      </Flex>
      {doc.isError ? (
        <ErrorResult error={doc.error} onRetry={() => void doc.refetch()} />
      ) : !d ? (
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin aria-label={tx.labels.loading} />
        </Flex>
      ) : (
        <>
          <Card
            className="no-print"
            title={tx.reports.scan}
            style={{ maxWidth: '210mm', margin: '0 auto 16px' }}
          >
            <AttachmentsPanel
              entityType={d.attachment.entityType}
              entityId={d.attachment.entityId}
              canUpload={canUpload}
            />
          </Card>
          <article className="custody-sheet" aria-label={tx.custody.title}>
            <h1>{tx.custody.title}</h1>
            <p style={{ textAlign: 'center', margin: 0 }}>
              {d.organization.name} · {d.department.name}（{d.department.code}）· {d.year}
            </p>
            <p style={{ textIndent: '2em' }}>
              {tx.custody.intro(d.organization.name, d.department.name, d.year)}
            </p>

            <h2>{tx.custody.custodians}</h2>
            <p style={{ margin: 0 }}>
              {d.custodians.length === 0
                ? tx.custody.none
                : d.custodians
                    .map(
                      (c) =>
                        `${c.name}（${c.employeeNo}）${c.count} · ${formatYuan(c.originalValueFen)}`,
                    )
                    .join('；')}
            </p>

            <h2>{tx.custody.list}</h2>
            {d.truncated && (
              <Alert
                type="warning"
                showIcon
                title={tx.custody.truncated}
                style={{ marginBottom: 8 }}
              />
            )}
            <div className="custody-wrap">
              <table>
                <thead>
                  <tr>
                    <th className="num">{tx.custody.no}</th>
                    <th>{tx.field.tagNo}</th>
                    <th>{tx.field.name}</th>
                    <th>{tx.field.model}</th>
                    <th>{tx.field.location}</th>
                    <th>{tx.field.custodian}</th>
                    <th className="num">{tx.field.quantity}</th>
                    <th className="num">{tx.field.originalValue}</th>
                    <th className="num">{tx.field.netValue}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.items.map((a, i) => (
                    <tr key={a.id}>
                      <td className="num">{i + 1}</td>
                      <td>{a.tagNo}</td>
                      <td>{a.name}</td>
                      <td>{a.model ?? ''}</td>
                      <td>{a.location ?? ''}</td>
                      <td>{a.custodian ?? ''}</td>
                      <td className="num">
                        {a.quantity}
                        {a.unit ?? ''}
                      </td>
                      <td className="num">{formatYuan(a.originalValueFen)}</td>
                      <td className="num">{formatYuan(a.netValueFen)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <td colSpan={6}>
                      {tx.custody.totals}（{d.totals.count}）
                    </td>
                    <td className="num">{d.totals.quantity}</td>
                    <td className="num">{formatYuan(d.totals.originalValueFen)}</td>
                    <td className="num">{formatYuan(d.totals.netValueFen)}</td>
                  </tr>
                </tfoot>
              </table>
            </div>

            <div className="custody-signs">
              {[tx.custody.keeper, tx.custody.head, tx.custody.office].map((who) => (
                <div key={who}>
                  <div>{who}：</div>
                  <div className="custody-sign-space" />
                  <div>
                    {tx.custody.date}：{tx.custody.dateBlank}
                  </div>
                </div>
              ))}
            </div>
            <p style={{ marginTop: '8mm', fontSize: '8pt', color: '#555' }}>
              {tx.custody.printed(d.date)}
            </p>
          </article>
        </>
      )}
    </main>
  );
}
