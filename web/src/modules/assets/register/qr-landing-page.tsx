import { ToolOutlined, WarningOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Flex, Spin, Tag, Typography, theme } from 'antd';
import type { ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiError, unwrap } from '../../../app/api.ts';
import { useTexts } from '../../../app/texts.ts';
import { ErrorResult } from '../../../components/error-result.tsx';
import { assetKeys, STATUS_COLORS } from './model.ts';
import { registerTexts } from './texts.ts';

/** A phone-width column in the middle of the screen. */
function Column({ children }: { children: ReactNode }) {
  const { token } = theme.useToken();
  return (
    <main style={{ minHeight: '100vh', background: token.colorBgLayout, padding: 16 }}>
      <Flex vertical gap={16} style={{ maxWidth: 480, margin: '0 auto' }}>
        {children}
      </Flex>
    </main>
  );
}

/**
 * What a phone opens when it scans an asset label (`/a/<token>`): the asset,
 * big and clear, and a way to report it broken (the repair form with its
 * place filled in). Counters in a stock-take use the stock-take's own
 * scanner, so nothing here changes the card.
 */
export default function AssetQrLandingPage() {
  const tx = useTexts(registerTexts);
  const { token: colors } = theme.useToken();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const asset = useQuery({
    queryKey: [...assetKeys.all, 'qr', token],
    queryFn: () => unwrap(api.GET('/api/assets/qr/{token}', { params: { path: { token } } })),
    retry: false,
  });

  if (asset.isPending)
    return (
      <Column>
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin aria-label={tx.labels.loading} />
        </Flex>
      </Column>
    );
  if (asset.isError) {
    const invalid =
      asset.error instanceof ApiError && (asset.error.status === 404 || asset.error.status === 400);
    return (
      <Column>
        {invalid ? (
          <Card>
            <Flex vertical align="center" gap={12} style={{ textAlign: 'center' }} role="alert">
              <WarningOutlined style={{ fontSize: 48, color: colors.colorWarning }} aria-hidden />
              <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
                {tx.landing.invalidTitle}
              </Typography.Title>
              <Typography.Paragraph style={{ margin: 0 }}>
                {tx.landing.invalidBody}
              </Typography.Paragraph>
              <Link to="/">{tx.landing.home}</Link>
            </Flex>
          </Card>
        ) : (
          <ErrorResult error={asset.error} onRetry={() => void asset.refetch()} />
        )}
      </Column>
    );
  }

  const a = asset.data;
  const none = tx.common.none;
  // The repair form takes the place; the tag goes along as the work order's asset reference.
  const report = new URLSearchParams({ from: 'qr', assetRef: a.tagNo });
  if (a.location) report.set('locationId', a.location.id);
  return (
    <Column>
      <Card>
        <Flex vertical gap={8}>
          <Typography.Text type="secondary">{tx.landing.title}</Typography.Text>
          <Typography.Title level={1} style={{ fontSize: 28, margin: 0, overflowWrap: 'anywhere' }}>
            {a.name}
          </Typography.Title>
          <Flex gap={8} wrap align="center">
            <Typography.Text code style={{ fontSize: 18 }}>
              {a.tagNo}
            </Typography.Text>
            <Tag color={STATUS_COLORS[a.status]}>{tx.status[a.status]}</Tag>
          </Flex>
          <Descriptions
            column={1}
            size="small"
            style={{ marginTop: 8 }}
            // antd's label grey is too pale to read outdoors on a phone (and fails AA).
            styles={{ label: { color: colors.colorTextSecondary } }}
            items={[
              { key: 'cat', label: tx.field.category, children: a.category.name },
              { key: 'model', label: tx.field.model, children: a.model ?? none },
              { key: 'site', label: tx.field.site, children: a.site.name },
              { key: 'loc', label: tx.field.location, children: a.location?.name ?? none },
              { key: 'dept', label: tx.field.department, children: a.department?.name ?? none },
              { key: 'cust', label: tx.field.custodian, children: a.custodian?.name ?? none },
              { key: 'code', label: tx.field.code, children: a.code },
            ]}
          />
        </Flex>
      </Card>
      {a.status !== 'disposed' && a.status !== 'lost' && (
        <Card
          title={
            <>
              <ToolOutlined aria-hidden /> {tx.landing.repair}
            </>
          }
        >
          <Typography.Paragraph>{tx.landing.repairHint}</Typography.Paragraph>
          <Button
            type="primary"
            size="large"
            block
            style={{ height: 56, fontSize: 18 }}
            onClick={() => void navigate(`/maintenance/report?${report.toString()}`)}
          >
            {tx.landing.repair}
          </Button>
        </Card>
      )}
      <Button block size="large" onClick={() => void navigate(`/assets/${a.id}`)}>
        {tx.landing.open}
      </Button>
      <Button block size="large" type="link" onClick={() => void navigate('/')}>
        {tx.landing.home}
      </Button>
    </Column>
  );
}
