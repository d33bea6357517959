#!/usr/bin/env bash
# Runs the checks CI runs, in the same order, and ends with a PASS/FAIL line per step.
# Needs: dependencies installed (npm ci), PostgreSQL on 127.0.0.1:5432 and Redis on 127.0.0.1:6379
# for the services run, Debian's chromium for the browser tests (.ci/run installs what is missing).
set -uo pipefail
cd "$(dirname "$0")/.."

SERVICES_DATABASE_URL=${SERVICES_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}
SERVICES_REDIS_URL=${SERVICES_REDIS_URL:-redis://127.0.0.1:6379}

names=()
results=()

step() {
  local name=$1
  shift
  printf '\n\033[1m==> %s\033[0m\n' "$name"
  local started=$SECONDS
  if "$@"; then
    results+=("PASS")
  else
    results+=("FAIL")
  fi
  names+=("$name ($((SECONDS - started)) s)")
}

# Regenerating migrations and the OpenAPI document must change nothing that is committed.
generated_files_are_current() {
  npm run generate --silent >/dev/null &&
    git diff --exit-code -- apps/server/src/infra/db/migrations apps/server/openapi.json &&
    [ -z "$(git status --porcelain -- apps/server/src/infra/db/migrations)" ]
}

embedded_suite() {
  env -u DATABASE_URL -u REDIS_URL npm test
}

# The same suite on PostgreSQL + BullMQ, where every adapter runs: coverage is measured here.
services_suite() {
  DATABASE_URL=$SERVICES_DATABASE_URL REDIS_URL=$SERVICES_REDIS_URL npm test -- --coverage
}

step "lint" npm run lint
step "dependencies fit the promised Node.js and have no serious advisory" node scripts/check-dependencies.mjs
step "typecheck" npm run typecheck
step "generated files are current" generated_files_are_current
step "tests on the embedded database (npm test)" embedded_suite
step "tests on PostgreSQL and Redis, with coverage" services_suite
step "build" npm run build
step "browser tests" npm run test:e2e
step "nginx serves the SPA and proxies the API" bash scripts/check-nginx.sh

printf '\n\033[1mSummary\033[0m\n'
failed=0
for i in "${!names[@]}"; do
  printf '  %s  %s\n' "${results[$i]}" "${names[$i]}"
  [ "${results[$i]}" = "FAIL" ] && failed=$((failed + 1))
done
echo "verify: $((${#names[@]} - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
