import { currentLanguage } from '../app/i18n.ts';

/** "2026-11-24 13:49" in the browser's time zone (the org's, for its staff). */
export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString(currentLanguage() === 'en' ? 'en-GB' : 'zh-CN', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
}

export function formatDate(iso: string): string {
  return formatDateTime(iso).slice(0, 10);
}

/** Money is stored in 分 (integer); shown as yuan with two decimals: ¥1,234.50. */
export function formatYuan(fen: number): string {
  return `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}
