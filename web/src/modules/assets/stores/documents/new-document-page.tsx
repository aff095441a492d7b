import { DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { StockInSchema } from '@server/modules/assets/stores/schema.ts';
import { api, unwrap } from '../../../../app/api.ts';
import { useMe } from '../../../../app/auth/me-context.ts';
import { can } from '../../../../app/auth/session.ts';
import { useTexts } from '../../../../app/texts.ts';
import { emptyToNull, zodRules } from '../../../../components/form/zod-rules.ts';
import { PageTitle } from '../../../../components/page-title.tsx';
import { showServerFieldErrors } from '../../../../components/server-field-errors.ts';
import { DepartmentSelect } from '../../../org/people/departments/department-select.tsx';
import { storesKeys, WRITABLE_KINDS, yuanToFen, type Store, type WritableKind } from '../data.ts';
import { itemLabel } from '../item-picker.tsx';
import { StoreSelect } from '../store-select.tsx';
import { storesTexts } from '../texts.ts';
import { DocumentLines, type LineValues } from './document-lines.tsx';

type Values = {
  storeId: string;
  toStoreId?: string;
  departmentId?: string;
  supplier?: string;
  note?: string;
  lines: LineValues[];
};
const rules = zodRules(StockInSchema);
const PATHS = {
  stock_in: '/api/stores/documents/stock-in',
  requisition: '/api/stores/documents/requisitions',
  transfer: '/api/stores/documents/transfers',
  stocktake: '/api/stores/documents/stocktakes',
} as const;

/** The body each kind's endpoint takes, from the form's values. */
function bodyOf(kind: WritableKind, v: Values) {
  const { note, supplier } = emptyToNull({ note: v.note ?? '', supplier: v.supplier ?? '' });
  const id = (l: LineValues) => l.item?.value ?? '';
  const qty = (l: LineValues) => ({ itemId: id(l), quantity: l.quantity ?? 0 });
  switch (kind) {
    case 'stock_in':
      return {
        storeId: v.storeId,
        supplier,
        note,
        lines: v.lines.map((l) => ({ ...qty(l), unitCostFen: yuanToFen(l.unitPriceYuan) })),
      };
    case 'requisition':
      return { storeId: v.storeId, departmentId: v.departmentId, note, lines: v.lines.map(qty) };
    case 'transfer':
      return { storeId: v.storeId, toStoreId: v.toStoreId, note, lines: v.lines.map(qty) };
    case 'stocktake':
      return {
        storeId: v.storeId,
        note,
        lines: v.lines.map((l) => ({ itemId: id(l), countedQuantity: l.counted ?? 0 })),
      };
  }
}

/**
 * A new stock document: 入库 (supplier, prices in yuan), 领用 (department;
 * a requester's waits for approval), 调拨 (two stores) or 盘点 (counted
 * quantities, starting from the book stock). On success, the document.
 */
export default function NewDocumentPage() {
  const t = useTexts(storesTexts);
  const c = t.common;
  const f = t.form;
  const me = useMe();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message } = App.useApp();
  const kind = useParams().kind as WritableKind;
  const [form] = Form.useForm<Values>();
  const storeId = Form.useWatch('storeId', form);
  const valid = WRITABLE_KINDS.includes(kind);

  // Stock in, transfers and stock-takes are the keeper's: only stores where the user manages.
  const managed = (s: Store) =>
    me.permissions.some(
      (p) => p.permission === 'stores:manage' && (p.orgWide || p.sites.includes(s.site.id)),
    );
  const create = useMutation({
    mutationFn: (v: Values) =>
      unwrap(
        api.POST(PATHS[kind] as '/api/stores/documents/stock-in', {
          body: bodyOf(kind, v) as never,
        }),
      ),
    onSuccess: (doc) => {
      void message.success(f.created(doc.number));
      void client.invalidateQueries({ queryKey: storesKeys.all });
      void navigate(`/stores/documents/${doc.id}`, { replace: true });
    },
    onError: (err) => {
      if (!showServerFieldErrors(form, err)) void message.error(err.message);
    },
  });
  const loadBook = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.GET('/api/stores/stock', { params: { query: { storeId: id, pageSize: 200 } } })),
    onSuccess: (page) => {
      form.setFieldValue(
        'lines',
        page.items.map((r) => ({
          item: { value: r.item.id, label: itemLabel(r.item) },
          counted: r.quantity,
          book: f.book(r.quantity, r.item.unit),
        })),
      );
      void message.success(f.loadedBook(page.items.length));
    },
    onError: (err) => void message.error(err.message),
  });

  if (!valid) return null;
  return (
    <div style={{ maxWidth: 720 }}>
      <PageTitle>{f.title[kind]}</PageTitle>
      {kind === 'requisition' && (
        <Alert type="info" showIcon message={f.requisitionHint} style={{ marginBottom: 16 }} />
      )}
      {kind === 'stocktake' && (
        <Alert type="info" showIcon message={f.stocktakeHint} style={{ marginBottom: 16 }} />
      )}
      <Card>
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ lines: [{}] }}
          onFinish={(v) => create.mutate(v)}
          scrollToFirstError
        >
          <Form.Item
            name="storeId"
            label={kind === 'transfer' ? f.fromStore : c.store}
            rules={[{ required: true, message: f.storeRequired }]}
          >
            <StoreSelect filter={kind === 'requisition' ? undefined : managed} />
          </Form.Item>
          {kind === 'transfer' && (
            <Form.Item
              name="toStoreId"
              label={t.documents.toStore}
              rules={[{ required: true, message: f.storeRequired }]}
            >
              <StoreSelect filter={(s) => managed(s) && s.id !== storeId} />
            </Form.Item>
          )}
          {kind === 'requisition' && (
            <Form.Item
              name="departmentId"
              label={c.department}
              rules={[{ required: true, message: f.departmentRequired }]}
              // GET /api/departments wants the grant organisation-wide; a site's staff may lack it.
              extra={can(me, 'departments:read') ? undefined : f.noDepartments}
            >
              <DepartmentSelect />
            </Form.Item>
          )}
          {kind === 'stock_in' && (
            <Form.Item
              name="supplier"
              label={t.documents.supplier}
              rules={rules('supplier', t.documents.supplier)}
            >
              <Input maxLength={100} />
            </Form.Item>
          )}
          {kind === 'stocktake' && (
            <Button
              icon={<DownloadOutlined />}
              disabled={!storeId}
              loading={loadBook.isPending}
              onClick={() => storeId && loadBook.mutate(storeId)}
              style={{ marginBottom: 16 }}
            >
              {f.loadBook}
            </Button>
          )}
          <DocumentLines kind={kind} />
          <Form.Item name="note" label={c.note} rules={rules('note', c.note)}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={create.isPending}>
            {f.submit}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
