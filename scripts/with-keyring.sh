#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked, throw-away gnome-keyring, so the
# keychain tests use a real Secret Service without touching the user's own keyring.
set -euo pipefail
if [ "${PROXYDECK_IN_KEYRING:-}" = "1" ]; then exec "$@"; fi
export XDG_DATA_HOME="$(mktemp -d)"
export PROXYDECK_IN_KEYRING=1
exec dbus-run-session -- bash -c 'printf %s proxydeck-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"' _ "$@"
