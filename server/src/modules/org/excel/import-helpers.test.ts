import { describe, expect, it } from 'vitest';
import { closesLoop, parentsFirst } from './tree-order.ts';
import zlib from 'node:zlib';
import { deflatedZeros, rawZip, withDeclaredSize, xlsxOf } from './excel-test-kit.ts';
import { checkZipInflation } from '../../../platform/excel/zip-guard.ts';

type Node = { key: string; parent: string | null };
const keys = (nodes: Node[]) =>
  parentsFirst(
    nodes,
    (n) => n.key,
    (n) => n.parent,
  ).map((n) => n.key);

describe('parentsFirst', () => {
  it('puts parents listed later before their children, keeping file order otherwise', () => {
    expect(
      keys([
        { key: 'room', parent: 'floor' },
        { key: 'other', parent: null },
        { key: 'floor', parent: 'building' },
        { key: 'building', parent: 'stored-site-root' },
      ]),
    ).toEqual(['building', 'floor', 'room', 'other']);
  });
});

describe('closesLoop', () => {
  const tree: Record<string, string | null> = { a: null, b: 'a', c: 'b' };
  it('sees a node moved under its own descendant, and passes a plain move', async () => {
    expect(await closesLoop('a', 'c', (k) => tree[k] ?? null)).toBe(true);
    expect(await closesLoop('c', 'a', (k) => tree[k] ?? null)).toBe(false);
  });
});

describe('checkZipInflation', () => {
  const MB = 1024 * 1024;
  const deflated = (text: string) => {
    const raw = Buffer.from(text);
    return { stored: zlib.deflateRawSync(raw), size: raw.length };
  };

  it('passes a real workbook, stored entries included, and refuses it truncated', async () => {
    const file = await xlsxOf([['工号'], ['E1']]);
    expect(await checkZipInflation(file, 80 * MB)).toBe('ok');
    const stored = rawZip([{ name: 'a.xml', stored: Buffer.from('<a/>'), size: 4, method: 0 }]);
    expect(await checkZipInflation(stored, 80 * MB)).toBe('ok');
    expect(await checkZipInflation(file.subarray(0, file.length - 30), 80 * MB)).toBe('unreadable');
    // Bytes before the zip shift every offset for JSZip: not read as the same zip.
    expect(await checkZipInflation(Buffer.concat([Buffer.alloc(10), file]), 80 * MB)).toBe(
      'unreadable',
    );
  });

  it('counts the declared sizes against the budget before inflating anything', async () => {
    const file = await xlsxOf([['工号'], ['E1']]);
    expect(await checkZipInflation(file, 1000)).toBe('too-large');
  });

  it('stops inflating one byte past the declared size (a bomb declaring a small size)', async () => {
    const bomb = rawZip([
      { name: 'xl/worksheets/sheet1.xml', stored: await deflatedZeros(200 * MB), size: 1000 },
    ]);
    const started = performance.now();
    expect(await checkZipInflation(bomb, 80 * MB)).toBe('too-large');
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('refuses entries that inflate to less than declared, or share bytes', async () => {
    const file = await xlsxOf([['工号'], ['E1']]);
    const longer = withDeclaredSize(file, 'xl/worksheets/sheet1.xml', (n) => n + 1);
    expect(await checkZipInflation(longer, 80 * MB)).toBe('unreadable');
    const shorter = withDeclaredSize(file, 'xl/worksheets/sheet1.xml', (n) => n - 1);
    expect(await checkZipInflation(shorter, 80 * MB)).toBe('too-large');
    // Two central records pointing at one local entry (an "overlapping" bomb).
    const one = rawZip([{ name: 'a.xml', ...deflated('<a/>') }]);
    const twice = rawZip([
      { name: 'a.xml', ...deflated('<a/>') },
      { name: 'b.xml', ...deflated('<a/>') },
    ]);
    const eocd = twice.length - 22;
    const second = twice.readUInt32LE(eocd + 16) + 46 + 5;
    twice.writeUInt32LE(0, second + 42); // b.xml's local header offset := a.xml's
    expect(await checkZipInflation(one, 80 * MB)).toBe('ok');
    expect(await checkZipInflation(twice, 80 * MB)).toBe('unreadable');
  });

  it('refuses encrypted entries, unknown compression and broken deflate data', async () => {
    const ok = deflated('<a/>');
    const check = (entry: Partial<Parameters<typeof rawZip>[0][number]>) =>
      checkZipInflation(rawZip([{ name: 'a.xml', ...ok, ...entry }]), 80 * MB);
    expect(await check({})).toBe('ok');
    expect(await check({ flags: 1 })).toBe('unreadable');
    expect(await check({ method: 12 })).toBe('unreadable'); // bzip2
    expect(await check({ stored: Buffer.from([0xff, 0xff, 0xff]) })).toBe('unreadable');
    expect(await check({ stored: ok.stored.subarray(0, 2) })).toBe('unreadable');
  });
});
