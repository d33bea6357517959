#!/usr/bin/env bash
# Runs the real deploy/nginx.conf (no Docker needed) in front of a freshly started API and checks
# what the web image promises: the SPA and its deep links, the API proxy, health endpoints,
# security headers, caching, gzip and an access log without link tokens. Only the three lines the
# config's header names are replaced.
#
# Usage: scripts/check-nginx.sh
#   WEB_ROOT    the built SPA (default apps/web/dist; `npm run build -w @spanner/web`)
#   NGINX_PORT  where nginx listens on 127.0.0.1 (default 8089)
# Installs Debian's nginx with apt-get when it is missing (needs root). Exits non-zero on failure.
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
web_root=${WEB_ROOT:-$repo_root/apps/web/dist}
nginx_port=${NGINX_PORT:-8089}

if [[ ! -f $web_root/index.html ]]; then
  echo "No $web_root/index.html: build the web app first (npm run build -w @spanner/web) or set WEB_ROOT." >&2
  exit 1
fi
web_root=$(cd "$web_root" && pwd)

install_nginx() {
  if [[ $EUID -ne 0 ]]; then
    echo "nginx is not installed; run as root or install it (apt-get install nginx)." >&2
    exit 1
  fi
  # Debian starts services on install unless policy-rc.d forbids it; nobody wants one on port 80.
  local policy=/usr/sbin/policy-rc.d created_policy=no
  if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && created_policy=yes
  fi
  echo "Installing nginx with apt-get…"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx >/dev/null
  if [[ $created_policy == yes ]]; then rm -f "$policy"; fi
}

nginx_bin=$(command -v nginx || true)
if [[ -z $nginx_bin && -x /usr/sbin/nginx ]]; then nginx_bin=/usr/sbin/nginx; fi
if [[ -z $nginx_bin ]]; then
  install_nginx
  nginx_bin=/usr/sbin/nginx
fi

work=$(mktemp -d)
api_pid=''
cleanup() {
  local pid
  if [[ -f $work/nginx.pid ]]; then
    pid=$(cat "$work/nginx.pid")
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  if [[ -n $api_pid ]]; then
    kill -TERM "$api_pid" 2>/dev/null || true
    wait "$api_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  node -e 'const s = require("node:net").createServer().listen(0, "127.0.0.1", () => { process.stdout.write(String(s.address().port)); s.close(); });'
}

# Embedded mode (PGlite in a fresh DATA_DIR) whatever the caller's environment says. PGlite allows
# one process per data dir, so migrate runs to completion before the API opens it.
api_port=$(free_port)
# An array, not a function: a backgrounded function is a subshell, and $! would not be the server.
spanner=(env -u DATABASE_URL -u REDIS_URL ENVIRONMENT=test LOG_LEVEL=warn DATA_DIR="$work/data"
  HOST=127.0.0.1 PORT="$api_port" node "$repo_root/apps/server/bin/spanner.js")

mkdir "$work/data"
if ! "${spanner[@]}" migrate >"$work/migrate.log" 2>&1; then
  cat "$work/migrate.log" >&2
  echo "FAIL spanner migrate" >&2
  exit 1
fi
"${spanner[@]}" api >"$work/api.log" 2>&1 &
api_pid=$!
for _ in $(seq 300); do
  curl -fsS --max-time 1 -o /dev/null "http://127.0.0.1:$api_port/health" 2>/dev/null && break
  if ! kill -0 "$api_pid" 2>/dev/null; then api_pid=''; break; fi
  sleep 0.1
done
if ! curl -fsS --max-time 1 -o /dev/null "http://127.0.0.1:$api_port/health" 2>/dev/null; then
  cat "$work/api.log" >&2
  echo "FAIL the API did not answer /health within 30 s" >&2
  exit 1
fi

escape_sed() { printf '%s' "$1" | sed -e 's/[\/&|]/\\&/g'; }

# The three substitutions the config's header documents; anything else differing from the image
# would make this check prove nothing, so a missing or duplicated line is an error.
conf=$repo_root/deploy/nginx.conf
for line in 'server api:8000;' 'listen 8080;' 'root /usr/share/nginx/html;'; do
  count=$(grep -cxE "[[:space:]]*$line" "$conf" || true)
  if [[ $count != 1 ]]; then
    echo "FAIL deploy/nginx.conf must contain the line \"$line\" exactly once (found $count)" >&2
    exit 1
  fi
done
sed -E \
  -e "s/^([[:space:]]*)server api:8000;$/\1server 127.0.0.1:$api_port;/" \
  -e "s/^([[:space:]]*)listen 8080;$/\1listen 127.0.0.1:$nginx_port;/" \
  -e "s/^([[:space:]]*)root \/usr\/share\/nginx\/html;$/\1root $(escape_sed "$web_root");/" \
  "$conf" >"$work/nginx.conf"

# Something already answering on the port would be checked instead of this config.
if curl -sS --max-time 1 -o /dev/null "http://127.0.0.1:$nginx_port/" 2>/dev/null; then
  echo "FAIL something already listens on 127.0.0.1:$nginx_port; stop it or set NGINX_PORT" >&2
  exit 1
fi

nginx_args=(-p "$work/" -c "$work/nginx.conf" -e stderr)
# As root, workers would switch to nobody and could not read a private checkout or temp dir.
if [[ $EUID -eq 0 ]]; then nginx_args+=(-g 'user root;'); fi
if ! "$nginx_bin" "${nginx_args[@]}" -t >"$work/nginx-test.log" 2>&1; then
  cat "$work/nginx-test.log" >&2
  echo "FAIL nginx -t" >&2
  exit 1
fi
# Daemon mode: the master writes $work/nginx.pid, which cleanup uses to stop it.
"$nginx_bin" "${nginx_args[@]}" >"$work/nginx.log" 2>&1
nginx_up=no
for _ in $(seq 50); do
  if curl -fsS --max-time 1 -o /dev/null "http://127.0.0.1:$nginx_port/nginx-health" 2>/dev/null; then
    nginx_up=yes
    break
  fi
  sleep 0.1
done
if [[ $nginx_up != yes ]]; then
  cat "$work/nginx.log" >&2
  echo "FAIL nginx did not answer /nginx-health within 5 s" >&2
  exit 1
fi

base=http://127.0.0.1:$nginx_port
status=''
# GET through nginx; the status goes to $status, headers and body to files for the checks.
fetch() {
  local path=$1
  shift
  status=$(curl -sS --max-time 5 -o "$work/body" -D "$work/headers" -w '%{http_code}' "$@" "$base$path" || true)
}
has_header() { grep -qiE "^$1:[[:space:]]*$2" "$work/headers"; }
body_has() { grep -qF -- "$1" "$work/body"; }

failures=0
# check NAME CONDITION: CONDITION is shell code run against the last fetch. No answer at all
# (status 000) always fails, so a check of what is absent cannot pass because nginx is down.
check() {
  if [[ $status =~ ^[1-5][0-9][0-9]$ ]] && eval "$2"; then
    echo "PASS $1"
  else
    echo "FAIL $1 (status $status)"
    failures=$((failures + 1))
  fi
}

fetch /
check '/ serves the SPA index.html' '[[ $status == 200 ]] && body_has "<div id=\"root\">"'
check '/ is revalidated on every visit (Cache-Control: no-cache)' 'has_header cache-control "no-cache"'
check '/ sets X-Content-Type-Options: nosniff' 'has_header x-content-type-options nosniff'
check "/ sets a CSP with script-src 'self'" "has_header content-security-policy \".*script-src 'self'\""
check '/ sets X-Frame-Options and Referrer-Policy' 'has_header x-frame-options DENY && has_header referrer-policy .'
check '/ sets a Permissions-Policy that turns off camera, microphone and geolocation' \
  'has_header permissions-policy ".*camera=\(\)" && has_header permissions-policy ".*microphone=\(\)" && has_header permissions-policy ".*geolocation=\(\)"'
check '/ over plain http sends no HSTS' '! has_header strict-transport-security .'

fetch / -H 'X-Forwarded-Proto: https'
check '/ behind a TLS terminator (X-Forwarded-Proto: https) sends HSTS' 'has_header strict-transport-security "max-age=[1-9]"'

fetch /contacts/123
check 'a deep link (/contacts/123) gets index.html' '[[ $status == 200 ]] && body_has "<div id=\"root\">"'

# Server paths match whole segments only, like the Vite dev proxy.
for route in /healthy-accounts /docs-archive; do
  fetch "$route"
  check "a client route that merely starts like a server path ($route) stays in the SPA" '[[ $status == 200 ]] && body_has "<div id=\"root\">"'
done

fetch /index.html
asset=$(grep -oE '/assets/[^"]+\.js' "$work/body" | head -n 1 || true)
if [[ -n $asset ]]; then
  fetch "$asset" -H 'Accept-Encoding: gzip'
  check "a hashed asset ($asset) is gzipped" '[[ $status == 200 ]] && has_header content-encoding gzip'
  check 'a hashed asset is cached for a year (immutable)' 'has_header cache-control ".*immutable"'
else
  check 'index.html references an /assets/*.js bundle' false
fi

fetch /assets/missing-0000.js
check 'a missing asset is a 404, not index.html' '[[ $status == 404 ]] && ! body_has "<div id=\"root\">"'

fetch /api/health
check '/api/health returns the service JSON from the API' '[[ $status == 200 ]] && body_has "\"service\":\"spanner-crm\""'
check '/api/health carries the request id through' 'has_header x-request-id "[[:alnum:]]"'
check '/api/health carries one Permissions-Policy' '[[ $(grep -ciE "^permissions-policy:" "$work/headers") == 1 ]]'

fetch /api/health -H 'X-Forwarded-Proto: https'
check '/api/health behind a TLS terminator sends one HSTS header' '[[ $(grep -ciE "^strict-transport-security:" "$work/headers") == 1 ]]'

fetch /health
check '/health is proxied to the API' '[[ $status == 200 ]] && body_has "\"status\":\"ok\""'

fetch /ready
check '/ready returns 200' '[[ $status == 200 ]]'

fetch /openapi.json -H 'Accept-Encoding: gzip'
check '/openapi.json is proxied and gzipped' '[[ $status == 200 ]] && has_header content-encoding gzip'

fetch /docs
check '/docs reaches the API docs' '[[ $status =~ ^(200|30[12])$ ]] && ! body_has "<div id=\"root\">"'

fetch /metrics
check '/metrics is not exposed through nginx' '! body_has "# HELP"'

# Invitation and reset links carry their token in the query, in the page URL and the API calls.
secret=check-nginx-link-secret
fetch "/accept-invitation?token=$secret"
fetch "/api/v1/invitations/preview?token=$secret" -H "Referer: $base/accept-invitation?next=%2F&token=$secret"
check 'the access log keeps link tokens out of URLs and referrers' \
  '! grep -qF "$secret" "$work/nginx.log" && grep -qF "/accept-invitation?[redacted]" "$work/nginx.log"'

fetch /nginx-health
check '/nginx-health answers 200 from nginx itself' '[[ $status == 200 ]]'

if ((failures > 0)); then
  echo "--- nginx log" >&2
  tail -n 20 "$work/nginx.log" >&2 || true
  echo "--- api log" >&2
  tail -n 20 "$work/api.log" >&2 || true
  echo "$failures check(s) failed" >&2
  exit 1
fi
echo "All nginx checks passed"
