import { describe, expect, it } from 'vitest';
import { escapeHtml, invitationEmail, passwordResetEmail, verificationEmail } from './mail.templates.js';

const link = 'https://crm.example.com/verify-email?token=abc.def&x=1';
const hostile = '<script>alert("x")</script> & \'friends\'';

describe('email templates', () => {
  it('escapes the five HTML special characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('greets by name and carries the link in the text and as the HTML button', () => {
    const mail = verificationEmail({ name: 'Ada', link });
    expect(mail.subject).toMatch(/confirm your email/i);
    expect(mail.text).toContain('Hi Ada,');
    expect(mail.text).toContain(`\n${link}\n`);
    expect(mail.html).toContain(`<a href="${escapeHtml(link)}"`);
    expect(mail.html).not.toContain('&x=1');
  });

  it('escapes user-controlled names in the HTML and keeps them verbatim in the text', () => {
    for (const mail of [
      verificationEmail({ name: hostile, link }),
      passwordResetEmail({ name: hostile, link }),
      invitationEmail({ organizationName: hostile, inviterName: hostile, role: 'member', link }),
    ]) {
      expect(mail.html).not.toContain('<script>');
      expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;friends&#39;');
      expect(mail.text).toContain(hostile);
    }
  });

  it('keeps names with line breaks on one line in the subject', () => {
    const mail = invitationEmail({ organizationName: 'Acme\r\nBcc: everyone@example.com', inviterName: 'Grace\nHopper', role: 'admin', link });
    expect(mail.subject).toBe('Grace Hopper invited you to Acme Bcc: everyone@example.com on Spanner CRM');
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });

  it('cuts names longer than 60 characters with an ellipsis, in the subject and the body', () => {
    const name = `${'x'.repeat(58)} 😀 and much more`;
    const mail = invitationEmail({ organizationName: name, inviterName: 'y'.repeat(60), role: 'member', link });
    // Cut at 59 characters, the space before the cut dropped, then the ellipsis.
    const cut = `${'x'.repeat(58)}…`;
    expect(mail.subject).toBe(`${'y'.repeat(60)} invited you to ${cut} on Spanner CRM`);
    expect(mail.text).toContain(`to join ${cut} on Spanner CRM`);
    expect(mail.html).toContain(`to join ${cut} on Spanner CRM`);
    expect(verificationEmail({ name: '😀'.repeat(61), link }).text).toContain(`Hi ${'😀'.repeat(59)}…,`);
  });

  it('says who invited, to which organization and as what, or only what when an API key invited', () => {
    const byPerson = invitationEmail({ organizationName: 'Acme', inviterName: 'Grace', role: 'admin', link });
    expect(byPerson.text).toContain('Grace invited you to join Acme on Spanner CRM as an admin.');
    const byKey = invitationEmail({ organizationName: 'Acme', inviterName: null, role: 'viewer', link });
    expect(byKey.subject).toBe('You are invited to Acme on Spanner CRM');
    expect(byKey.text).toContain('You are invited to join Acme on Spanner CRM as a viewer.');
  });

  it('tells a reset request apart and says what happens if it was not asked for', () => {
    const mail = passwordResetEmail({ name: 'Ada', link });
    expect(mail.subject).toMatch(/reset/i);
    expect(mail.text).toMatch(/your password stays as it is/);
  });

  it('refuses to put anything but a web link behind the button', () => {
    expect(() => verificationEmail({ name: 'Ada', link: 'javascript:alert(1)' })).toThrow(/not http/);
  });
});
