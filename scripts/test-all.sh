#!/usr/bin/env bash
# `npm test`: everything CI checks, in order: types, lint + format, build (+ node --check of the
# outputs), unit + vendor + keychain tests (real gnome-keyring in a private D-Bus session), then the
# Playwright end-to-end tests in Chromium (and Electron, where its binary exists).
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== typecheck" && npx tsc -p tsconfig.json
echo "== lint" && npx biome check .
echo "== build" && npm run --silent build
run_e2e='npx playwright test'
if [ -z "${DISPLAY:-}" ] && command -v xvfb-run >/dev/null; then run_e2e="xvfb-run -a $run_e2e"; fi
echo "== unit, vendor and keychain tests" && scripts/with-keyring.sh npx vitest run
echo "== end-to-end tests" && scripts/with-keyring.sh bash -c "$run_e2e"
