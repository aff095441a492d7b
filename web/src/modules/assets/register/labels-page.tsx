import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Spin, Typography } from 'antd';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { api, unwrap } from '../../../app/api.ts';
import type { ApiResponse } from '../../../app/api-models.ts';
import { useTexts } from '../../../app/texts.ts';
import { ErrorResult } from '../../../components/error-result.tsx';
import {
  LABELS_PER_SHEET,
  LabelSheets,
  type Label,
} from '../../../components/print/label-sheet.tsx';
import { assetKeys, qrUrl } from './model.ts';
import { registerTexts } from './texts.ts';

// Long names wrap onto two lines, then are cut with "…", so the tag line stays on the label.
const CLAMP = `
.label-title, .label-sub { display: -webkit-box; -webkit-box-orient: vertical; overflow: hidden; }
.label-title { -webkit-line-clamp: 2; }
.label-sub { -webkit-line-clamp: 2; }
.label-text { overflow: hidden; max-height: 100%; }
.label-code { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; font-size: 10pt !important; font-weight: 600; }
.labels-page { background: #f0f0f0; min-height: 100vh; padding-bottom: 8mm; }
@media print { .labels-page { background: #fff; padding: 0; } }
`;

/** The register's filters the label endpoint takes as well. */
const LIST_FILTERS = [
  'q',
  'categoryId',
  'siteId',
  'status',
  'departmentId',
  'locationId',
  'custodianPersonId',
  'condition',
  'purchasedFrom',
  'purchasedTo',
];

/** Labels asked for at a time: a 2,000-desk batch comes in four answers, not one huge one. */
const LABELS_PAGE = 500;

type LabelAnswer = ApiResponse<'/api/assets/labels', 'get'>;

/** Every label of a registration (its operation), page after page, in tag order. */
async function labelsOfOperation(operationId: string): Promise<LabelAnswer> {
  const items: LabelAnswer['items'] = [];
  let page: number | null = 1;
  while (page !== null) {
    const answer: LabelAnswer = await unwrap(
      api.GET('/api/assets/labels', {
        params: { query: { operationId, page, pageSize: LABELS_PAGE, sort: 'tagNo' } },
      }),
    );
    items.push(...answer.items);
    page = answer.nextPage;
  }
  return { items, truncated: false, nextPage: null };
}

/**
 * The QR label sheet of chosen asset cards (`?ids=a,b,c`, every card of a
 * registration `?operationId=`, or the register's filters `?q=ZY-`; up to 2,000): A4,
 * 3 × 8 labels of 70 × 37 mm. Each QR code opens `/a/<token>` on the phone
 * that scans it; the tag number under it is what a person types when the
 * camera fails. The toolbar is not printed.
 */
export default function AssetLabelsPage() {
  const tx = useTexts(registerTexts);
  const navigate = useNavigate();
  const here = useLocation();
  const [search] = useSearchParams();
  const ids = (search.get('ids') ?? '').split(',').filter(Boolean).slice(0, 2000).join(',');
  const operationId = search.get('operationId') ?? '';
  // Without ids: every card matching the register's filters.
  const filters = Object.fromEntries([...search].filter(([k]) => LIST_FILTERS.includes(k)));
  const any = ids !== '' || Object.keys(filters).length > 0;
  const chosen = useQuery({
    queryKey: [...assetKeys.all, 'labels', ids, operationId, filters],
    queryFn: (): Promise<LabelAnswer> =>
      operationId
        ? labelsOfOperation(operationId)
        : any
          ? unwrap(
              api.GET('/api/assets/labels', {
                params: { query: { ...filters, ids: ids || undefined, sort: 'tagNo' } },
              }),
            )
          : Promise.resolve({ items: [], truncated: false, nextPage: null }),
  });

  const labels: Label[] = (chosen.data?.items ?? []).map((l) => ({
    key: l.id,
    title: l.name,
    subtitle: [l.department, l.location].filter(Boolean).join(' · ') || l.site,
    code: l.tagNo,
    qrText: qrUrl(l.qrPath),
  }));
  const sheets = Math.ceil(labels.length / LABELS_PER_SHEET);
  const back =
    here.key !== 'default' ? (
      <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(-1)}>
        {tx.labels.back}
      </Button>
    ) : (
      <Link to="/assets">
        <ArrowLeftOutlined /> {tx.labels.back}
      </Link>
    );

  return (
    <main className="labels-page">
      <style>{CLAMP}</style>
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
          {tx.labels.title}
        </Typography.Title>
        {chosen.data && (
          <Typography.Text role="status" data-testid="label-count">
            {tx.labels.count(labels.length, sheets)}
          </Typography.Text>
        )}
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          disabled={labels.length === 0}
          onClick={() => window.print()}
        >
          {tx.labels.print}
        </Button>
        <Typography.Text type="secondary" style={{ flexBasis: '100%' }}>
          {tx.labels.hint}
        </Typography.Text>
        {chosen.data?.truncated && <Alert type="warning" showIcon title={tx.labels.truncated} />}
      </Flex>
      {chosen.isError ? (
        <ErrorResult error={chosen.error} onRetry={() => void chosen.refetch()} />
      ) : chosen.isPending ? (
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin aria-label={tx.labels.loading} />
        </Flex>
      ) : labels.length === 0 ? (
        <Alert
          className="no-print"
          type="info"
          showIcon
          title={tx.labels.none}
          style={{ margin: 16 }}
        />
      ) : (
        <LabelSheets labels={labels} qrLabel={(l) => tx.labels.qr(`${l.title} ${l.code}`)} />
      )}
    </main>
  );
}
