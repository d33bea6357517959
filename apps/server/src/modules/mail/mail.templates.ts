import type { Role } from '@spanner/contracts';

const PRODUCT = 'Spanner CRM';

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Every interpolated value is user-controlled (names, organization names): escape for text and attributes. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]!);
}

/** Longer names are cut: a name is not a place for a whole message to someone else's inbox. */
export const MAX_NAME_IN_MAIL = 60;

/** Names go into the subject line too, where a line break would end the header; cut to length with an ellipsis. */
function nameInMail(value: string): string {
  const characters = Array.from(value.replace(/\s+/g, ' ').trim());
  return characters.length <= MAX_NAME_IN_MAIL ? characters.join('') : `${characters.slice(0, MAX_NAME_IN_MAIL - 1).join('').trimEnd()}…`;
}

/** A link in a mail must be a web address: a `javascript:` href would run in some mail clients. */
function requireWebLink(link: string): string {
  if (!/^https?:\/\//i.test(link)) throw new Error(`refusing to mail a link that is not http(s): ${link}`);
  return link;
}

interface Layout {
  subject: string;
  greeting: string;
  /** Paragraphs before the link, plain text (escaped for the HTML part). */
  intro: string[];
  action: string;
  link: string;
  /** The paragraph after the link: why the mail may be ignored. */
  outro: string;
}

function render({ subject, greeting, intro, action, link, outro }: Layout): EmailContent {
  const href = escapeHtml(requireWebLink(link));
  const paragraph = (text: string) => `<p>${escapeHtml(text)}</p>`;
  const text = [greeting, ...intro, `${action}:\n${link}`, outro, `— ${PRODUCT}`].join('\n\n');
  const html = [
    '<!doctype html>',
    `<html><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1f2937">',
    paragraph(greeting),
    ...intro.map(paragraph),
    `<p><a href="${href}" style="display: inline-block; padding: 10px 16px; background: #2563eb; color: #ffffff; border-radius: 6px; text-decoration: none">${escapeHtml(action)}</a></p>`,
    `<p style="font-size: 13px; color: #6b7280">Or paste this link into your browser:<br><a href="${href}">${href}</a></p>`,
    paragraph(outro),
    `<p>— ${PRODUCT}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject, text, html };
}

export function verificationEmail({ name, link }: { name: string; link: string }): EmailContent {
  return render({
    subject: `Confirm your email address for ${PRODUCT}`,
    greeting: `Hi ${nameInMail(name)},`,
    intro: [`Welcome to ${PRODUCT}! Please confirm that this is your email address.`],
    action: 'Confirm email address',
    link,
    outro: `If you did not sign up for ${PRODUCT}, you can ignore this email.`,
  });
}

export function passwordResetEmail({ name, link }: { name: string; link: string }): EmailContent {
  return render({
    subject: `Reset your ${PRODUCT} password`,
    greeting: `Hi ${nameInMail(name)},`,
    intro: ['Someone, hopefully you, asked to reset the password of your account. The link works once.'],
    action: 'Choose a new password',
    link,
    outro: 'If you did not ask for this, ignore this email: your password stays as it is.',
  });
}

const ROLE_PHRASES: Record<Role, string> = { owner: 'an owner', admin: 'an admin', member: 'a member', viewer: 'a viewer' };

/** `inviterName` is null when an API key sent the invitation. */
export function invitationEmail({
  organizationName,
  inviterName,
  role,
  link,
}: {
  organizationName: string;
  inviterName: string | null;
  role: Role;
  link: string;
}): EmailContent {
  const organization = nameInMail(organizationName);
  const inviter = inviterName === null ? null : nameInMail(inviterName);
  return render({
    subject: inviter ? `${inviter} invited you to ${organization} on ${PRODUCT}` : `You are invited to ${organization} on ${PRODUCT}`,
    greeting: 'Hi,',
    intro: [`${inviter ? `${inviter} invited you` : 'You are invited'} to join ${organization} on ${PRODUCT} as ${ROLE_PHRASES[role]}.`],
    action: 'Accept the invitation',
    link,
    outro: 'If you were not expecting this invitation, you can ignore this email.',
  });
}
