import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Empty,
  Flex,
  Form,
  Input,
  List,
  Select,
  Skeleton,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, unwrap } from '../../../app/api.ts';
import { useTexts } from '../../../app/texts.ts';
import { ErrorResult } from '../../../components/error-result.tsx';
import { CameraScanner } from './camera-scanner.tsx';
import { parseScanned, stocktakeKey, type ScanResult } from './model.ts';
import { ScanFeedback } from './scan-feedback.tsx';
import { SurplusDialog } from './surplus-dialog.tsx';
import { stocktakeTexts } from './texts.ts';

// Not under stocktakeKey: a scan refreshes the campaign, not its places.
const stocktakeRoomsKey = (id: string, q: string) => ['assets', 'stocktake-rooms', id, q] as const;

/**
 * The counter's phone page: stand in a room, scan (camera, or type the
 * tag), see at once whether the asset was expected here, and see what is
 * still expected in this room — mark it missing or damaged by hand, or
 * record an item that is not on the list. The room is kept in the address,
 * so a reload or a shared link keeps it.
 */
export default function CountPage() {
  const { id = '' } = useParams();
  const tx = useTexts(stocktakeTexts);
  const { message } = App.useApp();
  const client = useQueryClient();
  const [search, setSearch] = useSearchParams();
  const room = search.get('room') ?? undefined;
  const [tag, setTag] = useState('');
  const [damaged, setDamaged] = useState(false);
  const [last, setLast] = useState<ScanResult | null>(null);
  const [surplus, setSurplus] = useState<{ name?: string; tagNo?: string } | null>(null);
  const [placeQuery, setPlaceQuery] = useState('');

  const detail = useQuery({
    queryKey: stocktakeKey(id),
    queryFn: () => unwrap(api.GET('/api/assets/stocktakes/{id}', { params: { path: { id } } })),
  });
  // The campaign's places (its scope's place and everything under it), read through the
  // campaign: a counter need not hold locations:read. Typing searches the same list.
  const places = useQuery({
    queryKey: stocktakeRoomsKey(id, ''),
    queryFn: () =>
      unwrap(api.GET('/api/assets/stocktakes/{id}/rooms', { params: { path: { id } } })),
    enabled: !!detail.data,
    staleTime: 60_000,
  });
  const searched = useQuery({
    queryKey: stocktakeRoomsKey(id, placeQuery),
    queryFn: () =>
      unwrap(
        api.GET('/api/assets/stocktakes/{id}/rooms', {
          params: { path: { id }, query: { q: placeQuery, limit: 50 } },
        }),
      ),
    // Only when the whole list did not come in one answer; otherwise the picker filters it.
    enabled: placeQuery.length > 0 && !!places.data && places.data.total > places.data.items.length,
    placeholderData: keepPreviousData,
  });
  const remaining = useQuery({
    queryKey: [...stocktakeKey(id), 'lines', room],
    queryFn: () =>
      unwrap(
        api.GET('/api/assets/stocktakes/{id}/lines', {
          params: { path: { id }, query: { locationId: room, result: 'pending', pageSize: 100 } },
        }),
      ),
    enabled: !!room,
    placeholderData: keepPreviousData,
  });
  const refresh = () => client.invalidateQueries({ queryKey: stocktakeKey(id) });

  const scan = useMutation({
    mutationFn: (text: string) =>
      unwrap(
        api.POST('/api/assets/stocktakes/{id}/scan', {
          params: { path: { id } },
          body: { ...parseScanned(text), locationId: room!, ...(damaged && { result: 'damaged' }) },
        }),
      ),
    onSuccess: (r) => {
      setLast(r);
      setTag('');
      setDamaged(false);
      if (!r.repeated) void refresh();
      // A short buzz on phones that can: the counter need not look at the screen.
      if (r.outcome !== 'found') navigator.vibrate?.([80, 60, 80]);
    },
    onError: (err) => void message.error(err.message),
  });
  const mark = useMutation({
    mutationFn: (v: { assetId: string; result: 'missing' | 'damaged' }) =>
      unwrap(
        api.POST('/api/assets/stocktakes/{id}/lines/{assetId}', {
          params: { path: { id, assetId: v.assetId } },
          body: { result: v.result },
        }),
      ),
    onSuccess: (_r, v) => {
      void message.success(
        v.result === 'missing' ? tx.counter.markedMissing : tx.counter.markedDamaged,
      );
      void refresh();
    },
    onError: (err) => void message.error(err.message),
  });

  if (detail.isError)
    return <ErrorResult error={detail.error} onRetry={() => void detail.refetch()} />;
  if (!detail.data) return <Skeleton active />;
  const st = detail.data;
  const chooseRoom = (value: string | undefined) => {
    setLast(null);
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set('room', value);
        else next.delete('room');
        return next;
      },
      { replace: true },
    );
  };
  const roomOptions = new Map<string, string>();
  for (const r of st.rooms) if (r.location) roomOptions.set(r.location.id, r.location.name);
  for (const l of places.data?.items ?? []) roomOptions.set(l.id, l.name);
  for (const l of searched.data?.items ?? []) roomOptions.set(l.id, l.name);
  // Until the places are in, the campaign's own rooms alone would look like the whole list.
  const placesReady = !!places.data || places.isError;
  const submit = () => {
    if (tag.trim() && room) scan.mutate(tag);
  };

  return (
    <Flex vertical gap={12} style={{ maxWidth: 640, margin: '0 auto' }}>
      <Link to={`/assets/stocktakes/${id}`}>
        <ArrowLeftOutlined /> {tx.counter.campaign}
      </Link>
      <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
        {tx.counter.title(st.name)}
      </Typography.Title>
      <Typography.Text>{tx.counter.progress(st.countedCount, st.expectedCount)}</Typography.Text>
      {!st.may.count ? (
        <Alert type="warning" showIcon title={tx.counter.notCounting} />
      ) : (
        <>
          <Form layout="vertical" component="div">
            <Form.Item label={tx.counter.room} htmlFor="st-room" style={{ marginBottom: 0 }}>
              <Select
                id="st-room"
                size="large"
                value={room}
                placeholder={placesReady ? tx.counter.roomPlaceholder : tx.counter.roomsLoading}
                onChange={chooseRoom}
                allowClear
                disabled={!placesReady}
                showSearch={{ optionFilterProp: 'label', onSearch: setPlaceQuery }}
                options={[...roomOptions].map(([value, label]) => ({ value, label }))}
                loading={!placesReady || searched.isFetching}
              />
            </Form.Item>
          </Form>
          {places.isError && (
            <Alert
              type="error"
              showIcon
              title={tx.counter.roomsError}
              action={
                <Button size="small" onClick={() => void places.refetch()}>
                  {tx.counter.retry}
                </Button>
              }
            />
          )}
          {places.data && places.data.total > places.data.items.length && (
            <Typography.Text type="secondary">
              {tx.counter.roomsMore(places.data.items.length, places.data.total)}
            </Typography.Text>
          )}
          {!room ? (
            <Alert type="info" showIcon title={tx.counter.chooseRoom} />
          ) : (
            <>
              <Card size="small">
                <Flex vertical gap={8}>
                  <CameraScanner onCode={(text) => scan.mutate(text)} />
                  <label htmlFor="st-tag" style={{ fontWeight: 500 }}>
                    {tx.counter.tag}
                  </label>
                  <Input
                    id="st-tag"
                    size="large"
                    value={tag}
                    onChange={(e) => setTag(e.target.value)}
                    onPressEnter={submit}
                    placeholder={tx.counter.tagPlaceholder}
                    autoComplete="off"
                    autoCapitalize="characters"
                    enterKeyHint="go"
                  />
                  <Flex gap={8} align="center" justify="space-between">
                    <Checkbox checked={damaged} onChange={(e) => setDamaged(e.target.checked)}>
                      {tx.counter.damaged}
                    </Checkbox>
                    <Button
                      type="primary"
                      size="large"
                      onClick={submit}
                      loading={scan.isPending}
                      disabled={!tag.trim()}
                    >
                      {tx.counter.submit}
                    </Button>
                  </Flex>
                </Flex>
              </Card>
              <ScanFeedback
                result={last}
                onSurplus={(r) =>
                  setSurplus({ name: r.asset?.name, tagNo: r.asset?.tagNo ?? undefined })
                }
              />
              <Card
                size="small"
                title={
                  <h2 style={{ fontSize: 16, margin: 0 }}>
                    {tx.counter.remaining(remaining.data?.total ?? 0)}
                  </h2>
                }
                extra={
                  <Button icon={<PlusOutlined />} onClick={() => setSurplus({})}>
                    {tx.counter.surplus}
                  </Button>
                }
              >
                {remaining.isError ? (
                  <ErrorResult error={remaining.error} onRetry={() => void remaining.refetch()} />
                ) : (
                  <List
                    loading={remaining.isPending}
                    dataSource={remaining.data?.items ?? []}
                    locale={{ emptyText: <Empty description={tx.counter.allDone} /> }}
                    renderItem={(l) => (
                      <List.Item
                        actions={[
                          <Button
                            key="missing"
                            size="small"
                            danger
                            aria-label={`${tx.counter.markMissing} ${l.asset.tagNo}`}
                            onClick={() => mark.mutate({ assetId: l.asset.id, result: 'missing' })}
                          >
                            {tx.counter.markMissing}
                          </Button>,
                          <Button
                            key="damaged"
                            size="small"
                            aria-label={`${tx.counter.markDamaged} ${l.asset.tagNo}`}
                            onClick={() => mark.mutate({ assetId: l.asset.id, result: 'damaged' })}
                          >
                            {tx.counter.markDamaged}
                          </Button>,
                        ]}
                      >
                        <List.Item.Meta title={l.asset.tagNo} description={l.asset.name} />
                      </List.Item>
                    )}
                  />
                )}
              </Card>
            </>
          )}
        </>
      )}
      {surplus && room && (
        <SurplusDialog
          stocktakeId={id}
          locationId={room}
          initial={surplus}
          onClose={() => setSurplus(null)}
          onDone={() => {
            setSurplus(null);
            void refresh();
          }}
        />
      )}
    </Flex>
  );
}
