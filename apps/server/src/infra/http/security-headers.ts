import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface SecurityHeadersOptions {
  /** Whether users reach the app over https (HSTS and upgrade-insecure-requests then apply). */
  https: boolean;
}

/**
 * Browser features the app never uses, switched off for its documents and anything framed in
 * them. deploy/nginx.conf sends the same value (the deploy test compares them).
 */
export const PERMISSIONS_POLICY = 'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()';

/** Runs helmet once against a recording response: the headers it would set on every request. */
function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers = new Map<string, string>();
  const recorder = {
    setHeader: (name: string, value: string) => headers.set(name.toLowerCase(), String(value)),
    removeHeader: (name: string) => headers.delete(name.toLowerCase()),
  };
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, () => {});
  return Object.fromEntries(headers);
}

/**
 * Helmet's headers, computed once. Documents (the SPA, Swagger UI) get the full set with a CSP the
 * built SPA satisfies; every other response (JSON, assets) gets the subset that matters outside a
 * document: nosniff, no framing, no content (OWASP REST guidance). Fewer bytes on every API answer.
 */
export const securityHeadersPlugin = fp<SecurityHeadersOptions>(async (app: FastifyInstance, { https }) => {
  const documentHeaders: Record<string, string> = {
    ...helmetHeaders({
      contentSecurityPolicy: { directives: { upgradeInsecureRequests: https ? [] : null } },
      strictTransportSecurity: https,
    }),
    'permissions-policy': PERMISSIONS_POLICY,
  };
  const dataHeaders: Record<string, string> = {
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    ...(documentHeaders['strict-transport-security'] ? { 'strict-transport-security': documentHeaders['strict-transport-security'] } : {}),
  };
  const documentEntries = Object.entries(documentHeaders);

  app.addHook('onSend', (_request, reply, payload, done) => {
    // A 304 has no body and no content type; its headers would replace the cached response's, so a
    // revalidated document would get the API's `default-src 'none'` and render blank.
    if (reply.statusCode === 304) return done(null, payload);
    const contentType = reply.getHeader('content-type');
    if (typeof contentType === 'string' && contentType.startsWith('text/html')) {
      // A route that brings its own CSP (Swagger UI hashes its inline scripts) keeps it.
      for (const [name, value] of documentEntries) if (!reply.hasHeader(name)) reply.header(name, value);
    } else {
      reply.headers(dataHeaders);
    }
    done(null, payload);
  });
});
