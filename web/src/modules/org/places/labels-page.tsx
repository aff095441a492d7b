import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Spin, Typography } from 'antd';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useTexts } from '../../../app/texts.ts';
import { ErrorResult } from '../../../components/error-result.tsx';
import {
  LABELS_PER_SHEET,
  LabelSheets,
  type Label,
} from '../../../components/print/label-sheet.tsx';
import {
  fetchAllLocations,
  LOCATION_TYPES,
  locationKeys,
  parentPath,
  qrUrl,
  type Location,
  type LocationType,
} from './location-model.ts';
import { placesTexts } from './texts.ts';

// Long names wrap onto two lines and the path onto two, then are cut with
// "…", so the code line always stays on the label (37 mm tall).
const CLAMP = `
.label-title, .label-sub { display: -webkit-box; -webkit-box-orient: vertical; overflow: hidden; }
.label-title { -webkit-line-clamp: 2; }
.label-sub { -webkit-line-clamp: 2; }
.label-text { overflow: hidden; max-height: 100%; }
.label-code { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.labels-page { background: #f0f0f0; min-height: 100vh; padding-bottom: 8mm; }
@media print { .labels-page { background: #fff; padding: 0; } }
`;

/** Which locations: `?ids=a,b,c` (ticked rows, up to 200) or `?under=X&type=room`. */
function useChosenLocations() {
  const [search] = useSearchParams();
  const ids = (search.get('ids') ?? '').split(',').filter(Boolean).slice(0, 200);
  const under = search.get('under') ?? undefined;
  const rawType = search.get('type');
  const type = LOCATION_TYPES.includes(rawType as LocationType)
    ? (rawType as LocationType)
    : undefined;
  return useQuery({
    queryKey: [...locationKeys.all, 'labels', ids.join(','), under, type],
    queryFn: (): Promise<Location[]> =>
      ids.length > 0
        ? fetchAllLocations({ ids: ids.join(','), sort: 'code' })
        : under
          ? fetchAllLocations({ under, type, active: 'true', sort: 'code' })
          : Promise.resolve([]),
  });
}

/**
 * The QR label sheet of the chosen locations: A4, 3 × 8 labels of 70 × 37 mm.
 * Each QR code opens `/r/<token>` on the phone that scans it. The toolbar
 * is not printed.
 */
export default function LabelsPage() {
  const tx = useTexts(placesTexts);
  const navigate = useNavigate();
  const here = useLocation();
  const chosen = useChosenLocations();

  const labels: Label[] = (chosen.data ?? []).map((l) => ({
    key: l.id,
    title: l.name,
    subtitle: parentPath(l) || undefined,
    code: l.code,
    qrText: qrUrl(l.qrToken),
  }));
  const sheets = Math.ceil(labels.length / LABELS_PER_SHEET);
  // Back where the person came from (the filtered list), or to the locations page.
  const back =
    here.key !== 'default' ? (
      <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(-1)}>
        {tx.labels.back}
      </Button>
    ) : (
      <Link to="/locations">
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
        <LabelSheets labels={labels} qrLabel={(l) => tx.labels.qr(l.title)} />
      )}
    </main>
  );
}
