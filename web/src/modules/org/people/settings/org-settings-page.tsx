import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Flex,
  Form,
  Input,
  Select,
  Skeleton,
  Space,
  TimePicker,
} from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OrganizationUpdateSchema } from '@server/modules/org/schema.ts';
import { OrgSettingsSchema, WorkingCalendarSchema } from '@server/modules/org/settings.ts';
import { api, ApiError, unwrap } from '../../../../app/api.ts';
import { timeZoneOptions } from '../../../../app/auth/time-zones.ts';
import { can } from '../../../../app/auth/session.ts';
import { useMe } from '../../../../app/auth/me-context.ts';
import { useTexts } from '../../../../app/texts.ts';
import { AuditTimeline } from '../../../../components/activity-timeline.tsx';
import { ErrorResult } from '../../../../components/error-result.tsx';
import { zodRules } from '../../../../components/form/zod-rules.ts';
import { PageTitle } from '../../../../components/page-title.tsx';
import { showServerFieldErrors } from '../../../../components/server-field-errors.ts';
import type { Organization } from '../models.ts';
import { texts } from '../texts.ts';
import { DateListInput } from './date-list-input.tsx';
import { NumberingList } from './numbering-list.tsx';
import { isoWeekday, type SettingsValues, toFormValues, toPatch } from './settings-form.ts';

const ORG_KEY = ['organization'] as const;
const orgRules = zodRules(OrganizationUpdateSchema);
const settingsRules = zodRules(OrgSettingsSchema);
const calendarRules = zodRules(WorkingCalendarSchema);
/** The lists are always sent (an empty list is valid), so they are never "required". */
const listRules = (field: 'workingDays' | 'holidays' | 'extraWorkdays', label: string) =>
  calendarRules(field, label).filter((r) => typeof r === 'function' || !r.required);

/** "HH:mm" text in the form, a dayjs value in the TimePicker. */
const timeProps = {
  getValueProps: (v: string | undefined) => ({
    value: v
      ? dayjs()
          .hour(Number(v.slice(0, 2)))
          .minute(Number(v.slice(3, 5)))
      : null,
  }),
  normalize: (d: dayjs.Dayjs | null) => (d ? d.format('HH:mm') : undefined),
};

/**
 * 组织设置: the organisation's name and time zone, fiscal year, working
 * calendar (for SLA clocks) and document number formats. Everyone with
 * org:read sees it; only org:manage may change it. Saving sends only what
 * changed.
 */
export default function OrgSettingsPage() {
  const t = useTexts(texts);
  const me = useMe();
  const org = useQuery({
    queryKey: ORG_KEY,
    queryFn: () => unwrap(api.GET('/api/organization')),
  });
  if (org.isError) return <ErrorResult error={org.error} onRetry={() => void org.refetch()} />;
  return (
    <>
      <PageTitle>{t.settings.title}</PageTitle>
      {org.data ? (
        <SettingsForm
          key={org.data.updatedAt}
          org={org.data}
          manage={can(me, 'org:manage')}
          audit={can(me, 'audit:read')}
        />
      ) : (
        <Skeleton active />
      )}
    </>
  );
}

function SettingsForm({
  org,
  manage,
  audit,
}: {
  org: Organization;
  manage: boolean;
  audit: boolean;
}) {
  const t = useTexts(texts);
  const { t: tShell } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<SettingsValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const zones = useMemo(() => timeZoneOptions(), []);
  const workingDays = Form.useWatch(['settings', 'calendar', 'workingDays'], form) ?? [];
  const initial = useMemo(() => toFormValues(org), [org]);

  async function save(values: SettingsValues) {
    const body = toPatch(org, values);
    if (!body) {
      void message.info(t.common.nothingChanged);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const updated = await unwrap(api.PATCH('/api/organization', { body }));
      void message.success(t.common.saved);
      // The header shows the organisation's name.
      if (body.name) void client.invalidateQueries({ queryKey: ['me'] });
      void client.invalidateQueries({ queryKey: ['audit', 'organization'] });
      client.setQueryData(ORG_KEY, updated); // re-keys the form with the saved values
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (!showServerFieldErrors(form, err)) setError(err);
    } finally {
      setBusy(false);
    }
  }

  const weekdayOptions = t.settings.weekdays.map((label, i) => ({ value: i + 1, label }));
  const months = Array.from({ length: 12 }, (_, i) => ({
    value: i + 1,
    label: t.settings.month(i + 1),
  }));
  const endAfterStart = {
    validator: async (_r: unknown, end: string | undefined) => {
      const start = form.getFieldValue(['settings', 'calendar', 'workStart']) as string | undefined;
      if (start && end && end <= start) throw new Error(t.settings.workEndBeforeStart);
    },
  };
  const details =
    error && Array.isArray(error.details) ? (error.details as { message?: string }[]) : [];

  return (
    <Form<SettingsValues>
      form={form}
      layout="vertical"
      initialValues={initial}
      disabled={!manage}
      onFinish={(v) => void save(v)}
      onFinishFailed={() => void message.error(t.settings.invalid)}
      scrollToFirstError
      style={{ maxWidth: 880 }}
    >
      <Flex vertical gap={16}>
        {!manage && <Alert type="info" showIcon title={t.settings.readOnly} />}
        <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t.settings.basics}</h2>}>
          <Form.Item
            name="name"
            label={t.settings.name}
            rules={[
              { required: true, message: tShell('common.required', { field: t.settings.name }) },
              ...orgRules('name', t.settings.name),
            ]}
          >
            <Input maxLength={100} autoComplete="organization" />
          </Form.Item>
          <Form.Item
            name="timezone"
            label={t.settings.timezone}
            extra={t.settings.timezoneHelp}
            rules={orgRules('timezone', t.settings.timezone)}
          >
            <Select showSearch options={zones} />
          </Form.Item>
          <Form.Item
            name={['settings', 'fiscalYearStartMonth']}
            label={t.settings.fiscalYearStartMonth}
            rules={settingsRules('fiscalYearStartMonth', t.settings.fiscalYearStartMonth)}
          >
            <Select options={months} style={{ maxWidth: 200 }} />
          </Form.Item>
        </Card>

        <Card
          title={<h2 style={{ margin: 0, fontSize: 16 }}>{t.settings.calendar}</h2>}
          extra={null}
        >
          <Alert type="info" title={t.settings.calendarHelp} style={{ marginBottom: 16 }} />
          <Form.Item
            name={['settings', 'calendar', 'workingDays']}
            label={t.settings.workingDays}
            rules={listRules('workingDays', t.settings.workingDays)}
          >
            <Checkbox.Group options={weekdayOptions} />
          </Form.Item>
          <Space wrap size={16}>
            <Form.Item
              name={['settings', 'calendar', 'workStart']}
              label={t.settings.workStart}
              rules={calendarRules('workStart', t.settings.workStart)}
              {...timeProps}
            >
              <TimePicker format="HH:mm" minuteStep={5} allowClear={false} needConfirm={false} />
            </Form.Item>
            <Form.Item
              name={['settings', 'calendar', 'workEnd']}
              label={t.settings.workEnd}
              dependencies={[['settings', 'calendar', 'workStart']]}
              rules={[...calendarRules('workEnd', t.settings.workEnd), endAfterStart]}
              {...timeProps}
            >
              <TimePicker format="HH:mm" minuteStep={5} allowClear={false} needConfirm={false} />
            </Form.Item>
          </Space>
          <Form.Item
            name={['settings', 'calendar', 'holidays']}
            label={t.settings.holidays}
            extra={t.settings.holidaysHelp}
            rules={listRules('holidays', t.settings.holidays)}
          >
            <DateListInput label={t.settings.holidays} disabled={!manage} />
          </Form.Item>
          <Form.Item
            name={['settings', 'calendar', 'extraWorkdays']}
            label={t.settings.extraWorkdays}
            extra={t.settings.extraWorkdaysHelp}
            rules={listRules('extraWorkdays', t.settings.extraWorkdays)}
          >
            <DateListInput
              label={t.settings.extraWorkdays}
              disabled={!manage}
              warn={(d) => (workingDays.includes(isoWeekday(d)) ? t.settings.onWorkingDay : null)}
            />
          </Form.Item>
        </Card>

        <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t.settings.numbering}</h2>}>
          <Alert type="info" title={t.settings.numberingHelp} style={{ marginBottom: 16 }} />
          <NumberingList disabled={!manage} />
        </Card>

        {error && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={error.message}
            description={
              details.length > 0 ? (
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {details.map((d, i) => (
                    <li key={i}>{d.message}</li>
                  ))}
                </ul>
              ) : undefined
            }
          />
        )}
        {manage && (
          <Space wrap>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t.settings.save}
            </Button>
            <Button htmlType="button" onClick={() => form.resetFields()}>
              {t.settings.reset}
            </Button>
          </Space>
        )}
        {audit && (
          <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t.settings.history}</h2>}>
            <AuditTimeline
              entityType="organization"
              entityId={org.id}
              fields={{
                name: t.settings.name,
                timezone: t.settings.timezone,
                settings: {
                  label: t.settings.title,
                  flatten: true,
                  fields: {
                    fiscalYearStartMonth: {
                      label: t.settings.fiscalYearStartMonth,
                      format: (v) => (typeof v === 'number' ? t.settings.month(v) : null),
                    },
                    calendar: {
                      label: t.settings.calendar,
                      fields: {
                        workingDays: {
                          label: t.settings.workingDays,
                          format: (v) =>
                            Array.isArray(v)
                              ? [...(v as number[])]
                                  .sort((a, b) => a - b)
                                  .map((d) => t.settings.weekdays[d - 1] ?? String(d))
                                  .join('、')
                              : null,
                        },
                        workStart: t.settings.workStart,
                        workEnd: t.settings.workEnd,
                        holidays: t.settings.holidays,
                        extraWorkdays: t.settings.extraWorkdays,
                      },
                    },
                    numbering: t.settings.numbering,
                  },
                },
              }}
            />
          </Card>
        )}
      </Flex>
    </Form>
  );
}
