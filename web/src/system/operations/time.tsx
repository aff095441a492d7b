/** "2026-03-01 14:05:09" in the browser's time zone; a <time> for assistive technology. */
export function AuditTime({ iso, seconds = false }: { iso: string; seconds?: boolean }) {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  const text =
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}${seconds ? `:${pad(d.getSeconds())}` : ''}`;
  return <time dateTime={iso}>{text}</time>;
}
