import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { xhrUpload } from '../../../components/attachments/xhr-upload.ts';

/** A work order's files, under the same cache key as the shared attachments panel. */
export const photoKey = (orderId: string) => ['attachments', 'work_order', orderId] as const;

/** At most this many photos per report or completion: enough to show a fault, small on mobile data. */
export const MAX_PHOTOS = 6;

export type PhotoUpload = {
  /** 0–1 while sending; null when idle. */
  progress: number | null;
  error: Error | null;
  /** How many photos the last successful upload sent. */
  sent: number;
  upload: (orderId: string, files: File[]) => Promise<boolean>;
  reset: () => void;
};

/**
 * Sends photos to an existing order (the order is created first, then its
 * photos): one multipart request with progress. A failure is kept (not
 * thrown) so the page can say so and offer to retry — the order itself is
 * already saved.
 */
export function usePhotoUpload(): PhotoUpload {
  const client = useQueryClient();
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [sent, setSent] = useState(0);

  async function upload(orderId: string, files: File[]): Promise<boolean> {
    if (files.length === 0) return true;
    const form = new FormData();
    form.append('entityType', 'work_order');
    form.append('entityId', orderId);
    for (const f of files) form.append('files', f, f.name);
    setError(null);
    setProgress(0);
    try {
      await xhrUpload('/api/attachments', form, setProgress);
      setSent(files.length);
      return true;
    } catch (err) {
      setError(err as Error);
      return false;
    } finally {
      setProgress(null);
      void client.invalidateQueries({ queryKey: photoKey(orderId) });
    }
  }

  return {
    progress,
    error,
    sent,
    upload,
    reset: () => {
      setError(null);
      setSent(0);
    },
  };
}
