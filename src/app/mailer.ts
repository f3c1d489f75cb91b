import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
}

/**
 * Officer mail through nodemailer. `file:<dir>` builds the full message (nodemailer's stream
 * transport) and writes it as `<time>-<id>.eml` plus a `.json` with to/subject/text, so tests and the
 * demo read the confirmation link from a local outbox and nothing leaves the machine; `smtp://` sends.
 */
export function createMailer(transport: string, from: string): Mailer {
  if (transport.startsWith('file:')) {
    const dir = transport.slice('file:'.length);
    const stream = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    let counter = 0;
    return {
      async send(mail) {
        const info = await stream.sendMail({ from, ...mail });
        await mkdir(dir, { recursive: true });
        const name = `${Date.now()}-${process.pid}-${++counter}`;
        await writeFile(join(dir, `${name}.eml`), info.message as Buffer);
        await writeFile(join(dir, `${name}.json`), JSON.stringify({ from, ...mail }, null, 2));
      },
    };
  }
  const smtp = nodemailer.createTransport(transport);
  return {
    async send(mail) {
      await smtp.sendMail({ from, ...mail });
    },
  };
}
