/** Drizzle tables, one file per module, re-exported here for drizzle-kit and the typed client. */
export * from './identity.js';
export * from './access.js';
export * from './crm.js';
