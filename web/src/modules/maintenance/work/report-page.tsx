import { EnvironmentOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, Input, Select, Spin, Switch, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { WorkOrderCreateSchema } from '@server/modules/maintenance/schema.ts';
import { api, unwrap } from '../../../app/api.ts';
import type { ApiBody } from '../../../app/api-models.ts';
import { useMe } from '../../../app/auth/me-context.ts';
import { can } from '../../../app/auth/session.ts';
import { useSites } from '../../../app/site-choice.ts';
import { useTexts } from '../../../app/texts.ts';
import { ErrorResult } from '../../../components/error-result.tsx';
import { emptyToNull, zodRules } from '../../../components/form/zod-rules.ts';
import { PageTitle } from '../../../components/page-title.tsx';
import { showServerFieldErrors } from '../../../components/server-field-errors.ts';
import { CallerPicker, type Caller } from './caller-picker.tsx';
import { CategoryTiles } from './category-tiles.tsx';
import { DuplicateWarning, type Duplicate } from './duplicate-warning.tsx';
import { LocationCascade } from './location-cascade.tsx';
import { workOrderKeys } from './model.ts';
import { ReportSuccess } from './report-success.tsx';
import { PhotoPicker } from './photo-picker.tsx';
import { PriorityChoice } from './priority-choice.tsx';
import { workTexts } from './texts.ts';

type Values = {
  categoryId: string;
  chain?: string[];
  siteId?: string;
  placeText?: string;
  priorityId?: string;
  description: string;
  requesterPhone?: string;
  /** Phone-in: the caller found by search, or only a typed name. */
  caller?: Caller | null;
  requesterName?: string;
};
type Created = { id: string; number: string };
type CreateBody = ApiBody<'/api/maintenance/work-orders', 'post'>;

const rules = zodRules(WorkOrderCreateSchema);

/**
 * 报修: the form a member of staff fills on a phone, often right after
 * scanning the label at the door (`?locationId=` prefilled). Before sending
 * it asks the server for open orders of the same place and category, so a
 * leaking pipe is not reported five times — but the person may still go on.
 * Photos are sent once the order exists (see ReportSuccess).
 *
 * 电话报修: a dispatcher (maintenance:dispatch) may switch to reporting for
 * a caller — `?channel=phone` opens the page that way from the dispatch
 * board; the order's source is then `phone` and its requester the caller.
 */
export default function ReportPage() {
  const tx = useTexts(workTexts);
  const { message } = App.useApp();
  const client = useQueryClient();
  const [search] = useSearchParams();
  const prefilledId = search.get('locationId');
  const fromQr = search.get('from') === 'qr';
  // The label on an asset (/a/{token}) says which asset is broken, not just where.
  const assetRef = search.get('assetRef')?.trim().slice(0, 80) || null;
  const [form] = Form.useForm<Values>();
  const [freeText, setFreeText] = useState(false);
  const [usePrefilled, setUsePrefilled] = useState(!!prefilledId);
  const [duplicates, setDuplicates] = useState<Duplicate[] | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const [photos, setPhotos] = useState<File[]>([]);
  const me = useMe();
  const mayPhoneIn = can(me, 'maintenance:dispatch', 'site');
  const [phoneIn, setPhoneIn] = useState(mayPhoneIn && search.get('channel') === 'phone');

  const categories = useQuery({
    queryKey: ['maintenance', 'categories'],
    queryFn: () => unwrap(api.GET('/api/maintenance/categories')),
    staleTime: 300_000,
  });
  const prefilled = useQuery({
    queryKey: ['locations', 'one', prefilledId],
    queryFn: () =>
      unwrap(api.GET('/api/locations/{id}', { params: { path: { id: prefilledId! } } })),
    enabled: !!prefilledId,
  });
  const sites = useSites();

  /** The request body from the form, wherever the place came from. */
  const bodyOf = (v: Values): CreateBody => {
    const place =
      usePrefilled && prefilled.data
        ? { locationId: prefilled.data.id }
        : freeText
          ? { siteId: v.siteId, placeText: v.placeText }
          : v.chain && v.chain.length > 1
            ? { locationId: v.chain[v.chain.length - 1] }
            : { siteId: v.chain?.[0] };
    const rest = emptyToNull({
      description: v.description,
      requesterPhone: v.requesterPhone,
      requesterName: v.requesterName,
    });
    // Phone-in: the caller's account when they have one (they then follow the
    // order), else their name and department as the dispatcher has them.
    const caller = phoneIn
      ? {
          ...(v.caller?.userId && { requesterUserId: v.caller.userId }),
          requesterName: rest.requesterName ?? undefined,
          ...(!v.caller?.userId &&
            v.caller?.departmentId && { departmentId: v.caller.departmentId }),
        }
      : {};
    return {
      categoryId: v.categoryId,
      priorityId: v.priorityId,
      source: phoneIn ? 'phone' : usePrefilled && fromQr ? 'qr' : 'portal',
      ...place,
      ...caller,
      ...(assetRef && { assetRef }),
      description: rest.description,
      requesterPhone: rest.requesterPhone ?? null,
    };
  };

  const create = useMutation({
    mutationFn: (body: CreateBody) => unwrap(api.POST('/api/maintenance/work-orders', { body })),
    onSuccess: (order) => {
      void client.invalidateQueries({ queryKey: workOrderKeys.all });
      setDuplicates(null);
      setCreated({ id: order.id, number: order.number });
      window.scrollTo(0, 0);
    },
    onError: (err) => {
      setDuplicates(null);
      if (!showServerFieldErrors(form, err)) void message.error(err.message);
    },
  });

  const check = useMutation({
    mutationFn: (body: CreateBody) =>
      body.locationId
        ? unwrap(
            api.GET('/api/maintenance/work-orders/duplicates', {
              params: { query: { locationId: body.locationId, categoryId: body.categoryId } },
            }),
          )
        : Promise.resolve([]),
    onSuccess: (found, body) => {
      if (found.length === 0) create.mutate(body);
      else {
        setDuplicates(found);
        window.scrollTo(0, 0);
      }
    },
    // The check is a courtesy: when it fails, the report still goes through.
    onError: (_err, body) => create.mutate(body),
  });

  if (created)
    return (
      <Flex vertical gap={12} style={{ maxWidth: 640 }}>
        <ReportSuccess
          order={created}
          photos={photos}
          onAnother={() => {
            setCreated(null);
            setPhotos([]);
            form.resetFields(
              phoneIn
                ? ['categoryId', 'description', 'caller', 'requesterName', 'requesterPhone']
                : ['categoryId', 'description'],
            );
          }}
        />
        {phoneIn && <Link to="/maintenance/dispatch">{tx.phoneIn.back}</Link>}
      </Flex>
    );

  if (categories.isError)
    return <ErrorResult error={categories.error} onRetry={() => void categories.refetch()} />;

  const active = (categories.data ?? []).filter((c) => c.active);
  const siteName = (id: string | undefined) => sites.data?.find((s) => s.id === id)?.name;

  return (
    <div style={{ maxWidth: 640 }}>
      <PageTitle>{phoneIn ? tx.phoneIn.title : tx.report.title}</PageTitle>
      {mayPhoneIn && (
        <Flex align="center" gap={8} style={{ marginBottom: 16 }}>
          <Switch id="phone-in" checked={phoneIn} onChange={setPhoneIn} disabled={!!duplicates} />
          <label htmlFor="phone-in">{tx.phoneIn.toggle}</label>
        </Flex>
      )}
      {duplicates && (
        <DuplicateWarning
          items={duplicates}
          busy={create.isPending}
          onContinue={() => create.mutate(bodyOf(form.getFieldsValue(true) as Values))}
          onBack={() => setDuplicates(null)}
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark="optional"
        disabled={!!duplicates}
        onFinish={(v) => check.mutate(bodyOf(v))}
        scrollToFirstError
      >
        {phoneIn && (
          <Card size="small" style={{ marginBottom: 16 }}>
            <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
              {tx.phoneIn.hint}
            </Typography.Paragraph>
            <Form.Item name="caller" label={tx.phoneIn.caller}>
              <CallerPicker
                onChange={(c) =>
                  form.setFieldsValue({
                    requesterName: c?.name,
                    requesterPhone: c?.phone ?? undefined,
                  })
                }
              />
            </Form.Item>
            <Form.Item
              name="requesterName"
              label={tx.phoneIn.name}
              rules={[
                { required: true, whitespace: true, message: tx.phoneIn.needCaller },
                ...rules('requesterName', tx.phoneIn.name),
              ]}
            >
              <Input size="large" maxLength={60} autoComplete="off" />
            </Form.Item>
          </Card>
        )}
        <Form.Item
          name="categoryId"
          label={tx.report.category}
          extra={active.length === 0 && categories.isSuccess ? tx.report.noCategories : undefined}
          rules={rules('categoryId', tx.report.category)}
        >
          {categories.isPending ? (
            <Spin />
          ) : (
            <CategoryTiles categories={active} label={tx.report.category} />
          )}
        </Form.Item>

        {usePrefilled ? (
          <Form.Item label={tx.report.location} required>
            {prefilled.isError ? (
              <ErrorResult error={prefilled.error} />
            ) : (
              <Card size="small" loading={prefilled.isPending}>
                <Flex justify="space-between" align="center" gap={8} wrap>
                  <div style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                    <Typography.Text strong style={{ fontSize: 16 }}>
                      <EnvironmentOutlined aria-hidden /> {prefilled.data?.path}
                    </Typography.Text>
                    <div>
                      <Typography.Text type="secondary">
                        {siteName(prefilled.data?.siteId)}
                      </Typography.Text>
                    </div>
                    {assetRef && (
                      <div>
                        <Typography.Text>{tx.report.asset(assetRef)}</Typography.Text>
                      </div>
                    )}
                  </div>
                  <Button onClick={() => setUsePrefilled(false)}>{tx.report.change}</Button>
                </Flex>
              </Card>
            )}
          </Form.Item>
        ) : freeText ? (
          <>
            <Form.Item
              name="siteId"
              label={tx.report.site}
              rules={[{ required: true, message: tx.report.chooseLocation }]}
            >
              <Select
                size="large"
                loading={sites.isPending}
                options={sites.data?.map((x) => ({ value: x.id, label: x.name }))}
              />
            </Form.Item>
            <Form.Item
              name="placeText"
              label={tx.report.placeText}
              rules={[
                { required: true, whitespace: true, message: tx.report.choosePlace },
                ...rules('placeText', tx.report.placeText),
              ]}
            >
              <Input size="large" placeholder={tx.report.placeTextPlaceholder} maxLength={200} />
            </Form.Item>
            <Button
              type="link"
              style={{ padding: 0, marginBottom: 16 }}
              onClick={() => setFreeText(false)}
            >
              {tx.report.inTree}
            </Button>
          </>
        ) : (
          <>
            <Form.Item
              name="chain"
              label={tx.report.location}
              rules={[{ required: true, type: 'array', min: 1, message: tx.report.chooseLocation }]}
            >
              <LocationCascade />
            </Form.Item>
            <Button
              type="link"
              style={{ padding: 0, marginBottom: 16 }}
              onClick={() => setFreeText(true)}
            >
              {tx.report.notInTree}
            </Button>
          </>
        )}

        <Form.Item name="priorityId" label={tx.report.priority}>
          <PriorityChoice />
        </Form.Item>

        <Form.Item
          name="description"
          label={tx.report.description}
          rules={rules('description', tx.report.description)}
        >
          <Input.TextArea
            rows={4}
            maxLength={2000}
            showCount
            placeholder={tx.report.descriptionPlaceholder}
          />
        </Form.Item>

        <Form.Item
          name="requesterPhone"
          label={phoneIn ? tx.phoneIn.phone : tx.report.phone}
          rules={rules('requesterPhone', phoneIn ? tx.phoneIn.phone : tx.report.phone)}
        >
          <Input
            size="large"
            type="tel"
            inputMode="tel"
            autoComplete={phoneIn ? 'off' : 'tel'}
            maxLength={30}
          />
        </Form.Item>

        <Form.Item label={tx.photos.title}>
          <PhotoPicker
            value={photos}
            onChange={setPhotos}
            hint={tx.photos.reportHint}
            disabled={!!duplicates}
          />
        </Form.Item>

        <Button
          type="primary"
          htmlType="submit"
          size="large"
          block
          loading={check.isPending || create.isPending}
        >
          {tx.report.submit}
        </Button>
      </Form>
    </div>
  );
}
