/**
 * Calling the benchmarked server as its administrator while setting up a
 * scenario's fixtures (not for measuring: autocannon does that).
 */
import type { Houqin } from './server.ts';

export type Api = <T>(method: 'GET' | 'POST', url: string, body?: unknown) => Promise<T>;

/** JSON requests with the administrator's session; any non-2xx answer throws with its body. */
export function apiOf(h: Pick<Houqin, 'base' | 'cookie'>): Api {
  return async <T>(method: 'GET' | 'POST', url: string, body?: unknown) => {
    const res = await fetch(h.base + url, {
      method,
      headers: {
        cookie: h.cookie,
        origin: h.base,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
}

/** Runs `fn` over `items`, `width` at a time (the server takes a few requests at once). */
export async function inParallel<T, R>(
  items: readonly T[],
  width: number,
  fn: (x: T, i: number) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!, i);
      }
    }),
  );
  return out;
}

/** Signs a user in; returns the `houqin_session=…` cookie. */
export async function login(base: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('houqin_session='));
  if (!cookie) throw new Error('login set no houqin_session cookie');
  return cookie.split(';')[0]!;
}
