import { describe, expect, it } from 'vitest';
import {
  accumulatedDepreciation,
  monthlyCharge,
  netValue,
  type Depreciable,
} from './depreciation.ts';

// A desk of ¥1,000.00 over 5 years with no residual value, in service 15 March 2024.
const desk: Depreciable = {
  originalValueFen: 100_000,
  method: 'straight_line',
  lifeMonths: 60,
  residualBp: 0,
  startDate: '2024-03-15',
};

describe('straight-line depreciation', () => {
  it('books nothing in the month the asset goes into service, then one share a month', () => {
    expect(netValue(desk, '2024-03-31')).toBe(100_000);
    expect(accumulatedDepreciation(desk, '2024-04-01')).toBe(1_666);
    expect(netValue(desk, '2024-12-31')).toBe(100_000 - 9 * 1_666);
  });

  it('puts the rounding remainder into the last month so the months add up exactly', () => {
    let total = 0;
    for (let y = 2024; y <= 2030; y++)
      for (let m = 1; m <= 12; m++)
        total += monthlyCharge(desk, `${y}-${String(m).padStart(2, '0')}`);
    expect(total).toBe(100_000);
    expect(monthlyCharge(desk, '2029-03')).toBe(100_000 - 59 * 1_666);
    expect(monthlyCharge(desk, '2029-04')).toBe(0);
    expect(netValue(desk, '2029-03-31')).toBe(0);
    expect(netValue(desk, '2035-01-01')).toBe(0);
  });

  it('stops at the residual value', () => {
    const bed = { ...desk, originalValueFen: 300_000, residualBp: 500, lifeMonths: 96 };
    expect(netValue(bed, '2040-01-01')).toBe(15_000);
    expect(netValue(bed, '2024-04-30')).toBe(300_000 - Math.floor(285_000 / 96));
  });

  it('does not depreciate without a method, a life or a start date', () => {
    expect(netValue({ ...desk, method: 'none' }, '2030-01-01')).toBe(100_000);
    expect(netValue({ ...desk, lifeMonths: null }, '2030-01-01')).toBe(100_000);
    expect(netValue({ ...desk, startDate: null }, '2030-01-01')).toBe(100_000);
  });
});
