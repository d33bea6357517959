// Writes openapi.json from the route schemas (`npm run generate`); a test fails when it is stale.
import { writeFile } from 'node:fs/promises';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { closeContext, createContext } from '../context.js';
import { OPENAPI_FILE, serializeOpenApi } from '../infra/http/docs.js';
import { createLogger } from '../infra/telemetry/logger.js';

const config = { ...loadConfig({ ENVIRONMENT: 'test', LOG_LEVEL: 'warn' }), secretKey: 'openapi-generation' };
const ctx = await createContext(config, { db: { pgliteDataDir: 'memory://' }, webRoot: null, log: createLogger(config) });
const app = await buildApp(ctx);
await app.ready();
await writeFile(OPENAPI_FILE, serializeOpenApi(app.swagger()));
await app.close();
await closeContext(ctx);
