/**
 * Straight-line depreciation by month, in 分, as Chinese public-sector and
 * enterprise rules book it: an asset is not depreciated in the month it goes
 * into service (当月增加当月不提) and is depreciated in the month it leaves
 * (当月减少当月照提). The depreciable amount (original − residual) is spread
 * over `lifeMonths`; each month books the floor, the last month the
 * remainder, so the months add up to the depreciable amount exactly.
 */

export type Depreciable = {
  originalValueFen: number;
  method: 'straight_line' | 'none' | string;
  lifeMonths: number | null;
  residualBp: number;
  /** In-service date (YYYY-MM-DD), else the purchase date; without either, no depreciation. */
  startDate: string | null;
};

/** Months since year 0 of a YYYY-MM-DD date (or YYYY-MM). */
export function monthIndex(date: string): number {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  return y * 12 + (m - 1);
}

export function monthLabel(index: number): string {
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return `${y}-${String(m).padStart(2, '0')}`;
}

function plan(a: Depreciable) {
  if (a.method !== 'straight_line' || !a.lifeMonths || a.lifeMonths <= 0 || !a.startDate)
    return null;
  const residual = Math.round((a.originalValueFen * a.residualBp) / 10_000);
  const depreciable = Math.max(0, a.originalValueFen - residual);
  return {
    first: monthIndex(a.startDate) + 1,
    life: a.lifeMonths,
    monthly: Math.floor(depreciable / a.lifeMonths),
    depreciable,
  };
}

/** Depreciation booked from the start through the month of `asOf` (inclusive). */
export function accumulatedDepreciation(a: Depreciable, asOf: string): number {
  const p = plan(a);
  if (!p) return 0;
  const months = monthIndex(asOf) - p.first + 1;
  if (months <= 0) return 0;
  if (months >= p.life) return p.depreciable;
  return p.monthly * months;
}

/** Net (book) value on a date: original value less depreciation booked by then. */
export function netValue(a: Depreciable, asOf: string): number {
  return a.originalValueFen - accumulatedDepreciation(a, asOf);
}

/** The charge booked in one month (0 before the first month and after the last). */
export function monthlyCharge(a: Depreciable, month: string): number {
  const p = plan(a);
  if (!p) return 0;
  const n = monthIndex(month) - p.first; // 0-based month of life
  if (n < 0 || n >= p.life) return 0;
  return n === p.life - 1 ? p.depreciable - p.monthly * (p.life - 1) : p.monthly;
}
