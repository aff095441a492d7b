import { EnvironmentOutlined, ToolOutlined, WarningOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Flex, Spin, Tag, Typography, theme } from 'antd';
import type { ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiError, unwrap } from '../../../app/api.ts';
import { useSites } from '../../../app/site-choice.ts';
import { useTexts } from '../../../app/texts.ts';
import { ErrorResult } from '../../../components/error-result.tsx';
import { LocationIcon } from './location-icons.tsx';
import { locationKeys, parentPath } from './location-model.ts';
import { workTexts } from '../../maintenance/work/texts.ts';
import { placesTexts } from './texts.ts';

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
 * What a phone opens when it scans a location label (`/r/<token>`): the
 * place, big and clear. Signed-in users only (RequireAuth sends others to the
 * login page and back here). A replaced or unknown label says so plainly.
 */
export default function QrLandingPage() {
  const tx = useTexts(placesTexts);
  const repairTx = useTexts(workTexts);
  const { token: colors } = theme.useToken();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const place = useQuery({
    queryKey: [...locationKeys.all, 'by-qr', token],
    queryFn: () => unwrap(api.GET('/api/locations/by-qr/{token}', { params: { path: { token } } })),
    retry: false,
  });
  const sites = useSites();

  if (place.isPending)
    return (
      <Column>
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin />
        </Flex>
      </Column>
    );
  if (place.isError) {
    // 404: replaced, unknown, or at a site the user may not see; 400: not a label's token at all.
    const invalid =
      place.error instanceof ApiError && (place.error.status === 404 || place.error.status === 400);
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
          <ErrorResult error={place.error} onRetry={() => void place.refetch()} />
        )}
      </Column>
    );
  }

  const l = place.data;
  const site = sites.data?.find((s) => s.id === l.siteId);
  return (
    <Column>
      <Card>
        <Flex vertical gap={8}>
          <Typography.Text type="secondary">
            <EnvironmentOutlined aria-hidden /> {tx.landing.title}
          </Typography.Text>
          <Typography.Title level={1} style={{ fontSize: 32, margin: 0, overflowWrap: 'anywhere' }}>
            <LocationIcon type={l.type} /> {l.name}
          </Typography.Title>
          {parentPath(l) && (
            <Typography.Text style={{ fontSize: 20, overflowWrap: 'anywhere' }}>
              {parentPath(l)}
            </Typography.Text>
          )}
          {!l.active && (
            <Tag color="orange" style={{ alignSelf: 'flex-start' }}>
              {tx.landing.inactive}
            </Tag>
          )}
          <Descriptions
            column={1}
            size="small"
            style={{ marginTop: 8 }}
            // antd's label grey is too pale to read outdoors on a phone (and fails AA).
            styles={{ label: { color: colors.colorTextSecondary } }}
            items={[
              ...(site ? [{ key: 'site', label: tx.landing.site, children: site.name }] : []),
              { key: 'path', label: tx.landing.path, children: l.path },
              { key: 'type', label: tx.landing.type, children: tx.types[l.type] },
              { key: 'code', label: tx.landing.code, children: l.code },
            ]}
          />
        </Flex>
      </Card>
      {/* Slot for the maintenance module: the repair form for this place goes here. */}
      <Card
        data-slot="report-repair"
        title={
          <>
            <ToolOutlined aria-hidden /> {tx.landing.repairSlot}
          </>
        }
      >
        <Button
          type="primary"
          size="large"
          block
          style={{ height: 56, fontSize: 18 }}
          onClick={() => void navigate(`/maintenance/report?locationId=${l.id}&from=qr`)}
        >
          {repairTx.report.here}
        </Button>
      </Card>
      <Button block size="large" onClick={() => void navigate('/')}>
        {tx.landing.home}
      </Button>
    </Column>
  );
}
