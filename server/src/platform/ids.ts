import { randomBytes } from 'node:crypto';
import { v7 } from 'uuid';

/** Time-ordered UUIDv7: index-friendly primary keys on both databases. */
export const newId = (): string => v7();

/** An unguessable token for QR labels and links (128 bits, URL-safe). */
export const newToken = (bytes = 16): string => randomBytes(bytes).toString('base64url');
