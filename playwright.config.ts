// Browser tests against the built app, served by the real server as in production.
// Build the web app first (`npm run build -w @spanner/web`; CI does): the server serves
// apps/web/dist as it is and would otherwise test a stale or missing bundle.
import { defineConfig, devices } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSmtpSink } from './apps/server/test/smtp-sink';

const port = 3100;
const baseURL = `http://127.0.0.1:${port}`;

if (!existsSync(path.resolve(import.meta.dirname, 'apps/web/dist/index.html'))) {
  throw new Error('The web app is not built: run `npm run build -w @spanner/web` first.');
}

// Workers load this file too; they inherit the runner's directories and mail server instead of
// making their own.
if (!process.env.SPANNER_E2E_DATA_DIR) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'spanner-e2e-'));
  const mailDir = mkdtempSync(path.join(os.tmpdir(), 'spanner-e2e-mail-'));
  process.env.SPANNER_E2E_DATA_DIR = dataDir;
  process.env.SPANNER_E2E_MAIL_DIR = mailDir;
  // The server sends its mail here as it would in production; tests read it from mailDir, one file
  // a message (e2e/identity-api.ts), so nobody needs the development mailbox of another person.
  let sequence = 0;
  const sink = await startSmtpSink({
    onReceive: (mail) => writeFileSync(path.join(mailDir, `${String(++sequence).padStart(6, '0')}.json`), JSON.stringify(mail)),
  });
  process.env.SPANNER_E2E_SMTP_URL = sink.url;
  // By exit the server has stopped, so nothing writes to the directories any more.
  process.on('exit', () => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(mailDir, { recursive: true, force: true });
  });
}
const dataDir = process.env.SPANNER_E2E_DATA_DIR;

export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['html', { outputFolder: 'playwright-report', open: 'never' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    // Debian's Chromium, never a downloaded browser; the flags keep it quiet and offline.
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    command: 'node apps/server/bin/spanner.js start',
    url: `${baseURL}/health`,
    env: {
      PORT: String(port),
      DATA_DIR: dataDir,
      ENVIRONMENT: 'test',
      LOG_LEVEL: 'warn',
      // Emailed links (verify, reset, invitation) point at the app under test.
      PUBLIC_URL: baseURL,
      SMTP_URL: process.env.SPANNER_E2E_SMTP_URL!,
    },
    reuseExistingServer: false,
    // The first start may rebuild the server and migrate a fresh database.
    timeout: 120_000,
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
  },
});
