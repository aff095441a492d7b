import type { DbOrTx } from '../db/connect.ts';
import { readJson } from '../db/dialect.ts';

export type NumberFormat = { prefix: string; digits: number };

/** The calendar year of an instant in the organisation's time zone (a number issued at 23:30 on 31 Dec in Beijing belongs to that year). */
export function yearIn(timeZone: string, at: Date): number {
  return Number(yearFormat(timeZone).format(at));
}

/** Building a formatter costs ~0.1 ms (a tenth of a work order's whole creation): keep one per zone. */
const yearFormats = new Map<string, Intl.DateTimeFormat>();
function yearFormat(timeZone: string): Intl.DateTimeFormat {
  let f = yearFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric' });
    yearFormats.set(timeZone, f);
  }
  return f;
}

export function formatNumber(format: NumberFormat, year: number, seq: number): string {
  return `${format.prefix}-${year}-${String(seq).padStart(format.digits, '0')}`;
}

/**
 * Issues the next document number, e.g. `WX-2026-000123`, per organisation,
 * document type and year. Call it inside the transaction that inserts the
 * document: the counter row is locked until commit, so concurrent callers get
 * distinct numbers, and a rolled-back document gives its number back — the
 * sequence has no gaps (auditors ask for that of 单据 numbers).
 */
export async function nextNumber(
  tx: DbOrTx,
  input: { orgId: string; docType: string; defaultFormat: NumberFormat; at?: Date },
): Promise<string> {
  return (await nextNumbers(tx, input, 1))[0]!;
}

/**
 * Issues `count` consecutive numbers at once, for documents created in bulk
 * (120 desks registered in one batch, an import of a whole register): one
 * round trip instead of one per document, with the same guarantees as
 * nextNumber (locked until commit, no gaps when rolled back).
 */
export async function nextNumbers(
  tx: DbOrTx,
  input: { orgId: string; docType: string; defaultFormat: NumberFormat; at?: Date },
  count: number,
): Promise<string[]> {
  if (count <= 0) return [];
  const org = await tx
    .selectFrom('organizations')
    .select(['timezone', 'settings'])
    .where('id', '=', input.orgId)
    .executeTakeFirstOrThrow();
  const settings = readJson<{ numbering?: Record<string, NumberFormat> }>(org.settings);
  const format = settings.numbering?.[input.docType] ?? input.defaultFormat;
  const year = yearIn(org.timezone, input.at ?? new Date());
  const row = await tx
    .insertInto('numbering_sequences')
    .values({ org_id: input.orgId, doc_type: input.docType, year, last_value: count })
    .onConflict((oc) =>
      oc
        .columns(['org_id', 'doc_type', 'year'])
        .doUpdateSet((eb) => ({ last_value: eb('numbering_sequences.last_value', '+', count) })),
    )
    .returning('last_value')
    .executeTakeFirstOrThrow();
  const last = Number(row.last_value);
  return Array.from({ length: count }, (_, i) => formatNumber(format, year, last - count + 1 + i));
}
