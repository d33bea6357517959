import { config } from 'zod';

// The CSP forbids eval. Unless jitless, zod probes `new Function` when it builds an object schema,
// and the browser reports a CSP violation (zod catches the error; the report still goes out).
// main.tsx imports this module first, so it runs before any schema is built.
config({ jitless: true });
