/**
 * `Content-Disposition` with an ASCII fallback name for old clients and the
 * real (often Chinese) name as RFC 5987 `filename*` (UTF-8, percent-encoded),
 * which every current browser prefers; header values must stay ASCII.
 */
export function contentDisposition(
  type: 'attachment' | 'inline',
  filename: string,
  asciiFallback = filename.replace(/[^\x20-\x7e]/g, '_'),
): string {
  const fallback = asciiFallback.replace(/["\\%]/g, '_');
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
