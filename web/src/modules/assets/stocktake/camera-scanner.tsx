import { Alert, Button } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTexts } from '../../../app/texts.ts';
import { stocktakeTexts } from './texts.ts';

/** The part of the browser's Shape Detection API used here (not in TypeScript's DOM types yet). */
type Detector = { detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]> };
type DetectorClass = new (opts: { formats: string[] }) => Detector;

function detectorClass(): DetectorClass | null {
  const c = (globalThis as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
  return typeof c === 'function' && !!navigator.mediaDevices?.getUserMedia ? c : null;
}

/** Whether this browser can read codes from the camera (Chrome on Android can; headless and Safari may not). */
export const canScan = () => detectorClass() !== null;

/**
 * The phone's back camera reading QR codes and barcodes with the browser's
 * own BarcodeDetector (no library to download). The same code seen again
 * within three seconds is ignored, so holding the phone over a label counts
 * it once.
 */
export function CameraScanner({ onCode }: { onCode: (text: string) => void }) {
  const tx = useTexts(stocktakeTexts);
  const video = useRef<HTMLVideoElement>(null);
  const [on, setOn] = useState(false);
  const [failed, setFailed] = useState(false);
  const handler = useRef(onCode);
  useEffect(() => {
    handler.current = onCode;
  }, [onCode]);

  useEffect(() => {
    if (!on) return;
    const Detector = detectorClass();
    if (!Detector) return;
    let stream: MediaStream | null = null;
    let timer: number | undefined;
    let stopped = false;
    const last = { text: '', at: 0 };
    const detector = new Detector({ formats: ['qr_code', 'code_128', 'code_39', 'ean_13'] });
    void navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then(async (s) => {
        if (stopped) return s.getTracks().forEach((t) => t.stop());
        stream = s;
        const el = video.current!;
        el.srcObject = s;
        await el.play();
        timer = window.setInterval(() => {
          void detector.detect(el).then((codes) => {
            const text = codes[0]?.rawValue;
            if (!text) return;
            const now = Date.now();
            if (text === last.text && now - last.at < 3000) return;
            last.text = text;
            last.at = now;
            handler.current(text);
          });
        }, 300);
      })
      .catch(() => {
        setFailed(true);
        setOn(false);
      });
    return () => {
      stopped = true;
      window.clearInterval(timer);
      stream?.getTracks().forEach((t) => t.stop());
    };
  }, [on]);

  if (!canScan()) return <Alert type="info" showIcon title={tx.counter.noCamera} />;
  return (
    <div>
      {failed && <Alert type="warning" showIcon title={tx.counter.cameraError} />}
      {on && (
        <video
          ref={video}
          muted
          playsInline
          aria-label={tx.counter.scan}
          style={{ width: '100%', maxHeight: 280, objectFit: 'cover', borderRadius: 8 }}
        />
      )}
      <Button block size="large" onClick={() => setOn((v) => !v)} style={{ marginTop: 8 }}>
        {on ? tx.counter.stopScan : tx.counter.scan}
      </Button>
    </div>
  );
}
