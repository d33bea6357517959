import { devMailboxSchema } from '@spanner/contracts';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testLogger, type TestApp } from '../../../test/app.js';
import { waitForMail } from '../../../test/identity.js';
import { startSmtpSink } from '../../../test/smtp-sink.js';
import { sendEmail } from './mail.js';
import { verificationEmail } from './mail.templates.js';

const address = (name: string) => `${name}-${randomBytes(3).toString('hex')}@example.com`;

describe('the development mailbox', () => {
  let t: TestApp;
  const logLines: string[] = [];
  beforeAll(async () => {
    const log = testLogger({ logLevel: 'info' }, { write: (line: string) => logLines.push(line) });
    t = await createTestApp({ worker: true, log });
  });
  afterAll(() => t.close());

  const mailbox = async (query = '') => {
    const response = await t.app.inject({ url: `/api/v1/dev/mailbox${query}` });
    expect(response.statusCode).toBe(200);
    return devMailboxSchema.parse(response.json()).data;
  };

  it('keeps what the email job sends, and lists it newest first', async () => {
    const [first, second] = [address('first'), address('second')];
    await expect(t.ctx.queue.run('email.send', { to: first, subject: 'One', text: 'First text' })).resolves.toBe('dev-mailbox');
    await t.ctx.queue.run('email.send', { to: second, subject: 'Two', text: 'Second text', html: '<p>Second</p>' });

    const listed = await mailbox();
    const newest = listed.findIndex((mail) => mail.to === second);
    const older = listed.findIndex((mail) => mail.to === first);
    expect(newest).toBeGreaterThanOrEqual(0);
    expect(older).toBeGreaterThan(newest);
    expect(listed[newest]).toMatchObject({ subject: 'Two', text: 'Second text', html: '<p>Second</p>' });
    expect(listed[older]).toMatchObject({ subject: 'One', text: 'First text', html: null });
    expect(Date.parse(listed[newest]!.sentAt)).toBeGreaterThanOrEqual(Date.parse(listed[older]!.sentAt));
  });

  it('delivers a template queued with sendEmail', async () => {
    const to = address('ada');
    await sendEmail(t.ctx.queue, { to, ...verificationEmail({ name: 'Ada', link: 'http://localhost:3000/verify-email?token=t0ken' }) });
    const mail = await waitForMail(t.app, to, /confirm/i);
    expect(mail.text).toContain('/verify-email?token=t0ken');
  });

  it('filters by recipient, whatever the case of the address', async () => {
    const to = address('grace');
    await t.ctx.queue.run('email.send', { to, subject: 'For Grace', text: 'Hello Grace' });
    await t.ctx.queue.run('email.send', { to: address('someone-else'), subject: 'Not for Grace', text: 'Hello' });

    expect((await mailbox(`?to=${encodeURIComponent(to.toUpperCase())}`)).map((mail) => mail.subject)).toEqual(['For Grace']);
    expect(await mailbox(`?to=${encodeURIComponent(address('nobody'))}`)).toEqual([]);
  });

  it('logs recipient, subject and text, so the links can be followed from the log', async () => {
    const to = address('log');
    await t.ctx.queue.run('email.send', { to, subject: 'Logged', text: 'Open http://localhost:3000/reset-password?token=abc' });
    const entry = logLines.map((line) => JSON.parse(line)).find((line) => line.mail?.to === to);
    expect(entry).toMatchObject({ level: 30, mail: { subject: 'Logged', text: 'Open http://localhost:3000/reset-password?token=abc' } });
  });

  it('refuses a payload without a valid recipient before queueing it', async () => {
    await expect(t.ctx.queue.enqueue('email.send', { to: 'not an address', subject: 'x', text: 'x' })).rejects.toThrow();
  });
});

describe('with a mail server', () => {
  it('does not exist in production', async () => {
    const t = await createTestApp({ env: { ENVIRONMENT: 'production', SECRET_KEY: randomBytes(32).toString('hex'), SMTP_URL: 'smtp://mail.example.com:587' } });
    try {
      expect(t.ctx.mailer.kind).toBe('smtp');
      const response = await t.app.inject({ url: '/api/v1/dev/mailbox' });
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toContain('application/problem+json');
    } finally {
      await t.close();
    }
  });

  it('sends through SMTP_URL outside production too, and then keeps no mailbox', async () => {
    const sink = await startSmtpSink();
    const t = await createTestApp({ worker: true, env: { SMTP_URL: sink.url, MAIL_FROM: 'Spanner CRM <crm@example.com>' } });
    try {
      await expect(t.ctx.queue.run('email.send', { to: 'ada@example.com', subject: 'Through SMTP', text: 'Hello' })).resolves.toBe('smtp');
      expect(sink.received).toEqual([expect.objectContaining({ from: 'crm@example.com', to: ['ada@example.com'] })]);
      expect((await t.app.inject({ url: '/api/v1/dev/mailbox' })).statusCode).toBe(404);
    } finally {
      await t.close();
      await sink.close();
    }
  });
});
