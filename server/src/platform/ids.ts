import { randomBytes } from 'node:crypto';
import { v7 } from 'uuid';

/**
 * Random bytes drawn from the system 4 KB at a time: an import of 100,000
 * asset cards spent a second in one getrandom call per id and per token.
 */
let pool = Buffer.alloc(0);
let taken = 0;
function random16(): Buffer {
  if (taken + 16 > pool.length) {
    pool = randomBytes(4096);
    taken = 0;
  }
  taken += 16;
  return pool.subarray(taken - 16, taken);
}

// Rising within a millisecond (uuid's own state is not used once the random
// bytes are given): ids made in one millisecond still insert in index order.
const clock = { msecs: -Infinity, seq: 0 };

/** Time-ordered UUIDv7: index-friendly primary keys on both databases. */
export function newId(): string {
  const random = random16();
  const now = Date.now();
  if (now > clock.msecs) {
    clock.msecs = now;
    clock.seq = random.readUInt32BE(6) & 0x7fffffff;
  } else {
    clock.seq = (clock.seq + 1) | 0;
    if (clock.seq === 0) clock.msecs++;
  }
  return v7({ random, msecs: clock.msecs, seq: clock.seq });
}

/** An unguessable token for QR labels and links (128 bits by default, URL-safe). */
export function newToken(bytes = 16): string {
  return (bytes === 16 ? random16() : randomBytes(bytes)).toString('base64url');
}
