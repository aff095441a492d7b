import type { ReactNode } from 'react';

/** One page of a list as every list endpoint answers it. */
export type Page<T> = {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  /** The server stopped counting at `total`: there are more ("10,000+"). */
  totalCapped?: boolean;
};

export type ListColumn<T> = {
  key: string;
  title: string;
  render: (row: T) => ReactNode;
  /** The server's `sort` value for this column; omitted = not sortable. */
  sortKey?: string;
  width?: number;
  align?: 'left' | 'right' | 'center';
  /** Hidden until the person ticks it in the column chooser. */
  hidden?: boolean;
  /** On a phone the columns become a card: this one is its title. */
  cardTitle?: boolean;
};

export type ListFilter =
  | { type: 'search'; key: string; label: string; placeholder?: string }
  | {
      type: 'select';
      key: string;
      label: string;
      options: { value: string; label: string }[];
    }
  /** A date range kept as two `YYYY-MM-DD` values in `key` and `toKey`. */
  | { type: 'dateRange'; key: string; toKey: string; label: string }
  | {
      type: 'custom';
      key: string;
      label: string;
      render: (value: string | undefined, onChange: (v: string | undefined) => void) => ReactNode;
    };

export function filterKeys(filters: readonly ListFilter[]): string[] {
  return filters.flatMap((f) => (f.type === 'dateRange' ? [f.key, f.toKey] : [f.key]));
}
