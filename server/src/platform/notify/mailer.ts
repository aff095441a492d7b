import nodemailer from 'nodemailer';
import type { Config } from '../config.ts';
import type { MessagePayload } from './webhook-formats.ts';

/** Every outbound call gives up after this long, so one dead server cannot stall the sender. */
export const OUTBOUND_TIMEOUT_MS = 10_000;

export type Mailer = {
  send(to: string, msg: MessagePayload): Promise<void>;
  close(): void;
};

/** An SMTP mailer for SMTP_URL, or null when e-mail is not configured. */
export function createMailer(config: Pick<Config, 'smtpUrl' | 'smtpFrom'>): Mailer | null {
  if (!config.smtpUrl) return null;
  const transport = nodemailer.createTransport(
    {
      url: config.smtpUrl,
      connectionTimeout: OUTBOUND_TIMEOUT_MS,
      greetingTimeout: OUTBOUND_TIMEOUT_MS,
      socketTimeout: OUTBOUND_TIMEOUT_MS,
      dnsTimeout: OUTBOUND_TIMEOUT_MS,
    },
    { from: config.smtpFrom },
  );
  return {
    async send(to, msg) {
      const text = msg.link ? `${msg.body}\n\n${msg.link}` : msg.body;
      await transport.sendMail({ to, subject: msg.title, text });
    },
    close: () => transport.close(),
  };
}
