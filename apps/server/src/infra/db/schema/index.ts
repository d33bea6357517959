/**
 * Drizzle tables, one file per module, re-exported here for drizzle-kit and the typed client.
 * The foundation has no business tables yet; the first migration only prepares the runtime role.
 */
export {};
