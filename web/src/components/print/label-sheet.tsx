import { Fragment } from 'react';
import { QrCode } from './qr-code.tsx';

export type Label = {
  key: string;
  /** Large line: the room's name. */
  title: string;
  /** Small line: the path (门诊楼 / 3F). */
  subtitle?: string;
  /** Printed under the title: the code a person can type when the camera fails. */
  code: string;
  /** What the QR code holds: the address the phone opens. */
  qrText: string;
};

export const LABELS_PER_SHEET = 24;

// A4 with 3 × 8 labels of 70 × 37 mm, the common 24-up self-adhesive sheet
// (e.g. Avery L7160-style 70×37.1 mm, no gaps): the grid fills the page
// exactly, so the printer's margins must be off (@page margin 0).
const CSS = `
@page { size: A4 portrait; margin: 0; }
.label-sheet { width: 210mm; height: 297mm; display: grid;
  grid-template-columns: repeat(3, 70mm); grid-template-rows: repeat(8, 37.125mm);
  background: #fff; box-sizing: border-box; margin: 0 auto 8mm; box-shadow: 0 0 4px #bbb; }
.label { box-sizing: border-box; padding: 3mm; display: flex; gap: 2.5mm; align-items: center;
  overflow: hidden; outline: 1px dashed #ddd; color: #000; }
.label-text { min-width: 0; display: flex; flex-direction: column; gap: 1mm; }
.label-title { font-size: 11pt; font-weight: 600; line-height: 1.2; overflow-wrap: anywhere; }
.label-sub { font-size: 7.5pt; line-height: 1.2; color: #333; overflow-wrap: anywhere; }
.label-code { font-size: 8pt; font-family: ui-monospace, monospace; }
@media print {
  body { background: #fff !important; }
  .no-print { display: none !important; }
  .label-sheet { margin: 0; box-shadow: none; break-after: page; }
  .label { outline: none; }
}
`;

/** Labels laid out on A4 sheets of 24, each with its QR code, name and code. */
export function LabelSheets({
  labels,
  qrLabel,
}: {
  labels: Label[];
  qrLabel: (l: Label) => string;
}) {
  const sheets: Label[][] = [];
  for (let i = 0; i < labels.length; i += LABELS_PER_SHEET) {
    sheets.push(labels.slice(i, i + LABELS_PER_SHEET));
  }
  return (
    <>
      <style>{CSS}</style>
      {sheets.map((sheet, i) => (
        <Fragment key={i}>
          <div className="label-sheet" data-testid="label-sheet">
            {sheet.map((l) => (
              <div className="label" key={l.key} data-testid="label">
                <QrCode text={l.qrText} size="28mm" label={qrLabel(l)} />
                <div className="label-text">
                  <span className="label-title">{l.title}</span>
                  {l.subtitle && <span className="label-sub">{l.subtitle}</span>}
                  <span className="label-code">{l.code}</span>
                </div>
              </div>
            ))}
          </div>
        </Fragment>
      ))}
    </>
  );
}
