import { describe, expect, it } from 'vitest';
import { newId, newToken } from './ids.ts';

describe('ids and tokens', () => {
  it('makes distinct UUIDv7 ids in rising order, many per millisecond', () => {
    const ids = Array.from({ length: 20_000 }, () => newId());
    expect(new Set(ids).size).toBe(ids.length);
    expect(
      ids.every((id) =>
        /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id),
      ),
    ).toBe(true);
    // Index-friendly: each id sorts after the one made before it.
    expect(ids.every((id, i) => i === 0 || id > ids[i - 1]!)).toBe(true);
  });

  it('makes distinct 128-bit URL-safe tokens, and longer ones on request', () => {
    const tokens = Array.from({ length: 5_000 }, () => newToken());
    expect(new Set(tokens).size).toBe(tokens.length);
    expect(tokens.every((t) => /^[A-Za-z0-9_-]{22}$/.test(t))).toBe(true);
    expect(newToken(32)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
