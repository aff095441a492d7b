import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { OUTBOUND_TIMEOUT_MS } from './mailer.ts';
import { guardedLookup, InternalAddressError, isInternalAddress } from './webhook-address.ts';

/** The status and the (size-capped) body text of a webhook's answer; the body is for parsing only, never for storing. */
export type WebhookAnswer = { status: number; text: string };

// A robot's answer is a few dozen bytes of JSON; reading more only costs memory.
const MAX_ANSWER_BYTES = 64 * 1024;

export class WebhookTimeoutError extends Error {
  constructor() {
    super(`timed out after ${OUTBOUND_TIMEOUT_MS / 1000} s`);
    this.name = 'TimeoutError';
  }
}

/**
 * POSTs JSON to a webhook with node:http(s) rather than fetch: fetch cannot
 * hook name resolution, and the address check must look at the very address
 * the socket connects to (see guardedLookup). With `guardAddresses`, an
 * internal address is refused — as an IP literal here, as a name's answer in
 * the lookup. Redirects are never followed (http.request does not), the
 * TLS name and Host header stay the URL's host, and everything from
 * connecting to the last byte of the answer shares one time limit.
 */
export function postWebhook(
  url: URL,
  body: unknown,
  opts: { guardAddresses: boolean },
): Promise<WebhookAnswer> {
  const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (opts.guardAddresses && net.isIP(hostname) && isInternalAddress(hostname))
    return Promise.reject(new InternalAddressError(url.hostname));
  const payload = Buffer.from(JSON.stringify(body), 'utf8');
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<WebhookAnswer>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
    };
    const req = client.request(
      {
        protocol: url.protocol,
        hostname,
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'content-length': payload.length,
        },
        // A fresh connection each time: a pooled socket would skip the lookup check.
        agent: false,
        ...(opts.guardAddresses && { lookup: guardedLookup }),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const done = () =>
          settle(() =>
            resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
          );
        res.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          size += chunk.length;
          if (size >= MAX_ANSWER_BYTES) {
            done();
            req.destroy();
          }
        });
        res.on('end', done);
        res.on('error', (err) => settle(() => reject(err)));
      },
    );
    const timer = setTimeout(() => {
      settle(() => reject(new WebhookTimeoutError()));
      req.destroy();
    }, OUTBOUND_TIMEOUT_MS);
    req.on('error', (err) => settle(() => reject(err)));
    req.end(payload);
  });
}
