import { devMailboxSchema } from '@spanner/contracts';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testLogger, type TestApp } from '../../../test/app.js';
import { bearer, signUp, waitForMail } from '../../../test/identity.js';
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

  const mailbox = async (token: string, query = '') => {
    const response = await t.app.inject({ url: `/api/v1/dev/mailbox${query}`, headers: bearer(token) });
    expect(response.statusCode).toBe(200);
    return devMailboxSchema.parse(response.json()).data;
  };

  it('asks for sign-in', async () => {
    const response = await t.app.inject({ url: '/api/v1/dev/mailbox' });
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('shows a signed-in person the mail to their own address, whatever its case, newest first', async () => {
    const user = await signUp(t.app, { email: address('ada') });
    await expect(t.ctx.queue.run('email.send', { to: user.email, subject: 'One', text: 'First text' })).resolves.toBe('dev-mailbox');
    await t.ctx.queue.run('email.send', { to: user.email.toUpperCase(), subject: 'Two', text: 'Second text', html: '<p>Second</p>' });
    await t.ctx.queue.run('email.send', { to: address('someone-else'), subject: 'Not for Ada', text: 'Hello' });

    const listed = await mailbox(user.accessToken);
    expect(listed.every((mail) => mail.to.toLowerCase() === user.email)).toBe(true);
    const subjects = listed.map((mail) => mail.subject);
    expect(subjects).not.toContain('Not for Ada');
    expect(subjects.indexOf('Two')).toBeGreaterThanOrEqual(0);
    expect(subjects.indexOf('One')).toBeGreaterThan(subjects.indexOf('Two'));
    expect(listed.find((mail) => mail.subject === 'Two')).toMatchObject({ text: 'Second text', html: '<p>Second</p>' });
    expect(listed.find((mail) => mail.subject === 'One')).toMatchObject({ text: 'First text', html: null });
  });

  it('never shows the mail to another address, even when asked for it by name', async () => {
    const victim = await signUp(t.app, { email: address('victim') });
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/forgot-password', payload: { email: victim.email } });
    await waitForMail(t.ctx, victim.email, /reset/i);
    const attacker = await signUp(t.app, { email: address('attacker') });

    const listed = await mailbox(attacker.accessToken, `?to=${encodeURIComponent(victim.email)}`);
    expect(listed.map((mail) => mail.to)).not.toContain(victim.email);
    expect(listed.every((mail) => mail.to === attacker.email)).toBe(true);
  });

  it('delivers a template queued with sendEmail', async () => {
    const to = address('grace');
    await sendEmail(t.ctx.queue, { to, ...verificationEmail({ name: 'Grace', link: 'http://localhost:3000/verify-email?token=t0ken' }) });
    const mail = await waitForMail(t.ctx, to, /confirm/i);
    expect(mail.text).toContain('/verify-email?token=t0ken');
  });

  it('logs recipient and subject but never the text, whose links would let a log reader in', async () => {
    const to = address('log');
    await t.ctx.queue.run('email.send', { to, subject: 'Logged', text: 'Open http://localhost:3000/reset-password?token=abc' });
    const entry = logLines.map((line) => JSON.parse(line)).find((line) => line.mail?.to === to);
    expect(entry).toMatchObject({ level: 30, mail: { to, subject: 'Logged' } });
    expect(logLines.filter((line) => line.includes('token=abc'))).toEqual([]);
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
