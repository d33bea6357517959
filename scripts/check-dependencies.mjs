// CI's dependency checks (docs/decisions/012-dependency-checks.md):
// 1. every locked package runs on the oldest Node.js the README promises (package.json engines);
// 2. `npm audit --omit=dev` finds no high or critical advisory that scripts/audit-exceptions.json
//    does not accept with a reason. When the registry's advisory service does not answer, the
//    audit is reported as not checked; AUDIT_REQUIRED=true makes that a failure.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import semver from 'semver';

const say = (line) => process.stdout.write(`${line}\n`);
const complain = (line) => process.stderr.write(`${line}\n`);

const readJson = (file) => JSON.parse(readFileSync(new URL(`../${file}`, import.meta.url), 'utf8'));

function checkEngines() {
  const promised = readJson('package.json').engines.node;
  const oldest = semver.minVersion(promised).version;
  const lock = readJson('package-lock.json');
  const misfits = Object.entries(lock.packages)
    .filter(([, entry]) => entry.engines?.node && !semver.satisfies(oldest, entry.engines.node, { includePrerelease: true }))
    .map(([location, entry]) => `${location.replace(/^.*node_modules\//, '') || 'the project'}@${entry.version} needs node ${entry.engines.node}`);
  if (misfits.length === 0) {
    say(`engines: every locked package runs on Node.js ${oldest} (package.json promises ${promised})`);
    return true;
  }
  complain(`engines: these packages do not run on Node.js ${oldest}, which package.json promises:\n  ${misfits.join('\n  ')}`);
  return false;
}

function runAudit() {
  try {
    return JSON.parse(execFileSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  } catch (error) {
    // npm audit exits 1 when it finds anything; the report is still on stdout.
    if (typeof error.stdout === 'string' && error.stdout.trim().startsWith('{')) return JSON.parse(error.stdout);
    return { error: { summary: error.message } };
  }
}

/** The advisory ids (GHSA-…) behind a vulnerable package, following `via` through other packages. */
function advisoriesOf(name, vulnerabilities, seen = new Set()) {
  if (seen.has(name)) return [];
  seen.add(name);
  return (vulnerabilities[name]?.via ?? []).flatMap((via) =>
    typeof via === 'string' ? advisoriesOf(via, vulnerabilities, seen) : [{ id: via.url?.split('/').pop() ?? String(via.source), title: via.title, severity: via.severity, name: via.name }],
  );
}

function checkAudit() {
  const report = runAudit();
  if (!report.vulnerabilities) {
    const reason = report.message ?? report.error?.summary ?? 'no report';
    const required = process.env.AUDIT_REQUIRED === 'true';
    (required ? complain : say)(`audit: NOT CHECKED — the registry's advisory service did not answer (${reason.split('\n')[0]})`);
    return !required;
  }
  const accepted = readJson('scripts/audit-exceptions.json');
  const serious = Object.keys(report.vulnerabilities)
    .flatMap((name) => advisoriesOf(name, report.vulnerabilities))
    .filter((advisory) => advisory.severity === 'high' || advisory.severity === 'critical');
  const open = [...new Map(serious.filter((advisory) => !accepted[advisory.id]).map((advisory) => [advisory.id, advisory])).values()];
  for (const advisory of serious.filter((candidate) => accepted[candidate.id])) {
    say(`audit: accepted ${advisory.id} (${advisory.name}): ${accepted[advisory.id]}`);
  }
  if (open.length === 0) {
    say('audit: no high or critical advisory in production dependencies');
    return true;
  }
  complain(`audit: high or critical advisories in production dependencies:\n  ${open.map((advisory) => `${advisory.id} ${advisory.severity} ${advisory.name}: ${advisory.title}`).join('\n  ')}`);
  complain('Upgrade, or accept one in scripts/audit-exceptions.json with the reason it does not apply.');
  return false;
}

const results = [checkEngines(), checkAudit()];
process.exitCode = results.every(Boolean) ? 0 : 1;
