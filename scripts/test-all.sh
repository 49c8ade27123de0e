#!/usr/bin/env bash
# `npm test`: everything CI checks, in order: types, lint + format, build (+ node --check of the
# outputs), unit + vendor + keychain tests (real gnome-keyring in a private D-Bus session), the unit and
# vendor tests again with the clock moved 400 days ahead, then the Playwright end-to-end tests in
# Chromium (and Electron, where its binary exists).
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== typecheck" && npx tsc -p tsconfig.json
echo "== lint" && npx biome check .
echo "== workflow check" && node scripts/check-workflows.mjs
echo "== build" && npm run --silent build
echo "== packaging dry run" && npm run --silent dist:check
run_e2e='npx playwright test'
if [ -z "${DISPLAY:-}" ] && command -v xvfb-run >/dev/null; then run_e2e="xvfb-run -a $run_e2e"; fi
echo "== unit, vendor and keychain tests" && scripts/with-keyring.sh npx vitest run
# The same unit and vendor suites with the clock 400 days ahead (Debian's libfaketime), so a test bound
# to today's date cannot land. Simulators and clients share one injected clock; nothing may read the
# calendar on its own.
if command -v faketime >/dev/null; then
  echo "== unit and vendor tests, clock moved 400 days ahead" &&
    faketime '+400 days' npx vitest run test/unit test/vendors
elif [ -n "${CI:-}" ] && [ "$(uname -s)" = Linux ]; then
  echo "faketime is missing (apt-get install faketime): the moved-clock run cannot be skipped in CI" >&2; exit 1
else
  echo "== SKIPPED: moved-clock run (faketime is not installed; apt-get install faketime; CI runs it on Linux)"
fi
echo "== end-to-end tests" && scripts/with-keyring.sh bash -c "$run_e2e"
