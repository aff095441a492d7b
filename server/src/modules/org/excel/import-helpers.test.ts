import { describe, expect, it } from 'vitest';
import { closesLoop, parentsFirst } from './tree-order.ts';
import { unzippedSize } from './upload.ts';
import { xlsxOf } from './excel-test-kit.ts';

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

describe('unzippedSize', () => {
  it('reads the declared sizes of a real workbook and refuses a damaged one', async () => {
    const file = await xlsxOf([['工号'], ['E1']]);
    expect(unzippedSize(file)).toBeGreaterThan(1000);
    expect(unzippedSize(file.subarray(0, file.length - 30))).toBe(Infinity);
  });
});
