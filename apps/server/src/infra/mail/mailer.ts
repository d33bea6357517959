/** One email, as the templates produce it plus its recipient. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/** Where mail goes: an SMTP server, or outside production the development mailbox. */
export interface Mailer {
  readonly kind: 'smtp' | 'dev-mailbox';
  /** Resolves once the message is handed over; rejects so the email job retries. */
  send(message: MailMessage): Promise<void>;
}
