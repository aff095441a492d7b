// Real local receivers for the delivery tests. E-mail servers and chat robots
// are outside the system, so the tests stand up real ones on 127.0.0.1 instead
// of mocking nodemailer or fetch: the bytes on the wire are what gets checked.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type ReceivedMail = { from: string; to: string[]; subject: string; text: string };

/** Decodes RFC 2047 encoded words (`=?UTF-8?B?…?=`), which nodemailer uses for Chinese subjects. */
function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_m, enc: string, data: string) =>
      enc.toLowerCase() === 'b'
        ? Buffer.from(data, 'base64').toString('utf8')
        : Buffer.from(
            data
              .replace(/_/g, ' ')
              .replace(/=([0-9a-f]{2})/gi, (_h, hex: string) =>
                String.fromCharCode(parseInt(hex, 16)),
              ),
            'latin1',
          ).toString('utf8'),
    );
}

function parseMail(raw: string, from: string, to: string[]): ReceivedMail {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const subject = /^subject: (.*)$/im.exec(unfolded)?.[1] ?? '';
  return { from, to, subject: decodeHeader(subject.trim()), text: rest.join('\n\n') };
}

/** An SMTP server on a random local port; addresses starting `reject` are refused with 550. */
export async function startSmtpServer() {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('reject'))
        return callback(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        const to = session.envelope.rcptTo.map((r) => r.address);
        mails.push(parseMail(Buffer.concat(chunks).toString('utf8'), from, to));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type ReceivedRequest = { method: string; url: string; body: unknown };
export type Reply = { status: number; body: unknown; headers?: Record<string, string> };

/**
 * An HTTP server on a random local port that records every request and
 * answers with `reply(request)` — by default the robots' "ok".
 */
export async function startHttpReceiver() {
  const requests: ReceivedRequest[] = [];
  const state: { reply: (req: ReceivedRequest) => Reply } = {
    reply: () => ({ status: 200, body: { errcode: 0, errmsg: 'ok' } }),
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const received = {
        method: req.method ?? '',
        url: req.url ?? '',
        body: JSON.parse(text || 'null'),
      };
      requests.push(received);
      const { status, body, headers } = state.reply(received);
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    /** `127.0.0.1:<port>`, as WEBHOOK_ALLOWED_HOSTS lists it. */
    host: `127.0.0.1:${port}`,
    base: `http://127.0.0.1:${port}`,
    requests,
    /** Sets how the receiver answers from now on. */
    answer(reply: (req: ReceivedRequest) => Reply) {
      state.reply = reply;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
