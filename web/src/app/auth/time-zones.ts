/** Time zones offered at set-up: the usual ones of our users first, then every IANA zone. */
const COMMON = ['Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Macau', 'Asia/Taipei', 'Asia/Urumqi'];

export function timeZoneOptions(): { value: string; label: string }[] {
  let all: string[] = [];
  try {
    all = Intl.supportedValuesOf('timeZone');
  } catch {
    // older browsers: the common ones only
  }
  const rest = all.filter((z) => !COMMON.includes(z));
  return [...COMMON, ...rest].map((z) => ({ value: z, label: z }));
}
