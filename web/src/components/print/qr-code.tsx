import { renderSVG } from 'uqr';
import { useMemo } from 'react';

/** A QR code as inline SVG (crisp at any print size, no canvas, no network). */
export function QrCode({ text, size, label }: { text: string; size: string; label: string }) {
  const svg = useMemo(() => renderSVG(text, { border: 1 }), [text]);
  return (
    <span
      role="img"
      aria-label={label}
      style={{ display: 'inline-block', width: size, height: size, flex: 'none' }}
      // uqr builds the SVG from the text's bits only (paths and rects), never from markup.
      dangerouslySetInnerHTML={{ __html: svg.replace('<svg ', '<svg width="100%" height="100%" ') }}
    />
  );
}
