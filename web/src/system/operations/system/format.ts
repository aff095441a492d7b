import type { OperationsTexts } from '../texts.ts';

/** 1536 → "1.5 KB"; sizes a person reads at a glance. */
export function formatBytes(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

type Units = OperationsTexts['system']['units'];

/** 90_000 → "1 分钟 30 秒": the two largest parts of a duration. */
export function formatDuration(ms: number, u: Units): string {
  if (ms < 1000) return `${Math.round(ms)} ${u.ms}`;
  const parts: [number, string][] = [
    [Math.floor(ms / 86_400_000), u.d],
    [Math.floor(ms / 3_600_000) % 24, u.h],
    [Math.floor(ms / 60_000) % 60, u.min],
    [Math.floor(ms / 1000) % 60, u.s],
  ];
  const first = parts.findIndex(([v]) => v > 0);
  return parts
    .slice(first, first + 2)
    .filter(([v]) => v > 0)
    .map(([v, unit]) => `${v} ${unit}`)
    .join(' ');
}
