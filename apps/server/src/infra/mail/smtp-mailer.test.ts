import { afterEach, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../../../test/smtp-sink.js';
import { createSmtpMailer } from './smtp-mailer.js';

describe('the SMTP mailer', () => {
  let sink: SmtpSink | undefined;
  afterEach(() => sink?.close());

  it('hands the message to the server of SMTP_URL, from MAIL_FROM, with text and HTML parts', async () => {
    sink = await startSmtpSink();
    const mailer = createSmtpMailer({ url: sink.url, from: 'Spanner CRM <crm@example.com>' });
    await mailer.send({ to: 'ada@example.com', subject: 'Hello there', text: 'Plain words.', html: '<p>Rich words.</p>' });

    expect(mailer.kind).toBe('smtp');
    expect(sink.received).toHaveLength(1);
    const [mail] = sink.received;
    expect(mail).toMatchObject({ from: 'crm@example.com', to: ['ada@example.com'] });
    expect(mail!.data).toMatch(/^From: Spanner CRM <crm@example\.com>$/m);
    expect(mail!.data).toMatch(/^To: ada@example\.com$/m);
    expect(mail!.data).toMatch(/^Subject: Hello there$/m);
    expect(mail!.data).toContain('multipart/alternative');
    expect(mail!.data).toContain('Plain words.');
    expect(mail!.data).toContain('<p>Rich words.</p>');
  });

  it('rejects when the server refuses the message, so the email job retries it', async () => {
    sink = await startSmtpSink({ rejectRecipients: true });
    const mailer = createSmtpMailer({ url: sink.url, from: 'crm@example.com' });
    await expect(mailer.send({ to: 'nobody@example.com', subject: 'Hi', text: 'Hi' })).rejects.toThrow(/550/);
    expect(sink.received).toEqual([]);
  });
});
