import { Tag, Typography, theme } from 'antd';
import { useTexts } from '../../../app/texts.ts';
import { texts } from '../texts.ts';

type Row = { field: string; before: unknown; after: unknown; changed: boolean };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Field by field, in the order the record lists them (after first, then fields only before had). */
export function diffRows(before: unknown, after: unknown): Row[] {
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  const both = isRecord(before) && isRecord(after);
  // Updates often record the whole record before and only the changed fields
  // after: a field missing from "after" was left as it was, not cleared.
  return fields.map((field) => ({
    field,
    before: b[field],
    after: both && !(field in a) ? b[field] : a[field],
    changed: both && field in a && !same(b[field], a[field]),
  }));
}

function Value({ value, yes, no }: { value: unknown; yes: string; no: string }) {
  if (value === undefined || value === null || value === '')
    return <Typography.Text type="secondary">—</Typography.Text>;
  if (typeof value === 'boolean') return <>{value ? yes : no}</>;
  if (typeof value === 'string' || typeof value === 'number') return <>{String(value)}</>;
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null))
    return <>{value.map(String).join('、') || '—'}</>;
  return <code style={{ fontSize: 12 }}>{JSON.stringify(value)}</code>;
}

/**
 * The record before and after the change, one row per field; changed rows
 * are shaded and marked "已修改" in words (not by colour alone). A create
 * shows only "after", a delete only "before".
 */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const t = useTexts(texts);
  const { token } = theme.useToken();
  const a = t.audit;
  const rows = diffRows(before, after);
  const hasBefore = isRecord(before);
  const hasAfter = isRecord(after);
  if (rows.length === 0) return <Typography.Text type="secondary">{a.noData}</Typography.Text>;
  const changed = rows.filter((r) => r.changed).length;
  const cell = {
    padding: '6px 8px',
    borderBottom: `1px solid ${token.colorBorderSecondary}`,
    verticalAlign: 'top' as const,
    overflowWrap: 'anywhere' as const,
    textAlign: 'left' as const,
  };
  return (
    <>
      {hasBefore && hasAfter && (
        <Typography.Paragraph>
          {changed > 0 ? a.changes(changed) : a.noChanges}
        </Typography.Paragraph>
      )}
      <table style={{ width: '100%', tableLayout: 'fixed', borderCollapse: 'collapse' }}>
        <thead>
          <tr style={{ background: token.colorFillAlter }}>
            <th scope="col" style={{ ...cell, width: '30%' }}>
              {a.field}
            </th>
            {hasBefore && (
              <th scope="col" style={cell}>
                {a.before}
              </th>
            )}
            {hasAfter && (
              <th scope="col" style={cell}>
                {a.after}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={r.field}
              data-changed={r.changed || undefined}
              style={r.changed ? { background: token.colorWarningBg } : undefined}
            >
              <th scope="row" style={{ ...cell, fontWeight: r.changed ? 600 : 400 }}>
                <code style={{ fontSize: 12 }}>{r.field}</code>
                {r.changed && (
                  <div>
                    <Tag color="warning" style={{ marginTop: 4, color: token.colorText }}>
                      {a.changed}
                    </Tag>
                  </div>
                )}
              </th>
              {hasBefore && (
                <td style={cell}>
                  <Value value={r.before} yes={t.common.yes} no={t.common.no} />
                </td>
              )}
              {hasAfter && (
                <td style={cell}>
                  <Value value={r.after} yes={t.common.yes} no={t.common.no} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** The stored snapshots as they are, for what the table cannot show. */
export function RawJson({ before, after }: { before: unknown; after: unknown }) {
  const { token } = theme.useToken();
  return (
    <pre
      style={{
        background: token.colorFillAlter,
        padding: 12,
        borderRadius: token.borderRadius,
        fontSize: 12,
        whiteSpace: 'pre-wrap',
        overflowWrap: 'anywhere',
        margin: 0,
      }}
    >
      {JSON.stringify({ before: before ?? null, after: after ?? null }, null, 2)}
    </pre>
  );
}
