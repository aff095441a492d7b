import { EnvironmentOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, Input, Select, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { WorkOrderCreateSchema } from '@server/modules/maintenance/schema.ts';
import { api, unwrap } from '../../../app/api.ts';
import type { ApiBody } from '../../../app/api-models.ts';
import { useSites } from '../../../app/site-choice.ts';
import { useTexts } from '../../../app/texts.ts';
import { ErrorResult } from '../../../components/error-result.tsx';
import { emptyToNull, zodRules } from '../../../components/form/zod-rules.ts';
import { PageTitle } from '../../../components/page-title.tsx';
import { showServerFieldErrors } from '../../../components/server-field-errors.ts';
import { CategoryTiles } from './category-tiles.tsx';
import { DuplicateWarning, type Duplicate } from './duplicate-warning.tsx';
import { LocationCascade } from './location-cascade.tsx';
import { workOrderKeys } from './model.ts';
import { ReportSuccess } from './report-success.tsx';
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
};
type Created = { id: string; number: string };
type CreateBody = ApiBody<'/api/maintenance/work-orders', 'post'>;

const rules = zodRules(WorkOrderCreateSchema);

/**
 * 报修: the form a member of staff fills on a phone, often right after
 * scanning the label at the door (`?locationId=` prefilled). Before sending
 * it asks the server for open orders of the same place and category, so a
 * leaking pipe is not reported five times — but the person may still go on.
 */
export default function ReportPage() {
  const tx = useTexts(workTexts);
  const { message } = App.useApp();
  const client = useQueryClient();
  const [search] = useSearchParams();
  const prefilledId = search.get('locationId');
  const fromQr = search.get('from') === 'qr';
  const [form] = Form.useForm<Values>();
  const [freeText, setFreeText] = useState(false);
  const [usePrefilled, setUsePrefilled] = useState(!!prefilledId);
  const [duplicates, setDuplicates] = useState<Duplicate[] | null>(null);
  const [created, setCreated] = useState<Created | null>(null);

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
    const rest = emptyToNull({ description: v.description, requesterPhone: v.requesterPhone });
    return {
      categoryId: v.categoryId,
      priorityId: v.priorityId,
      source: usePrefilled && fromQr ? 'qr' : 'portal',
      ...place,
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
      <ReportSuccess
        order={created}
        onAnother={() => {
          setCreated(null);
          form.resetFields(['categoryId', 'description']);
        }}
      />
    );

  if (categories.isError)
    return <ErrorResult error={categories.error} onRetry={() => void categories.refetch()} />;

  const active = (categories.data ?? []).filter((c) => c.active);
  const siteName = (id: string | undefined) => sites.data?.find((s) => s.id === id)?.name;

  return (
    <div style={{ maxWidth: 640 }}>
      <PageTitle>{tx.report.title}</PageTitle>
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
          label={tx.report.phone}
          rules={rules('requesterPhone', tx.report.phone)}
        >
          <Input size="large" type="tel" inputMode="tel" autoComplete="tel" maxLength={30} />
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
