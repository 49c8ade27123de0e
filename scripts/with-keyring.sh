#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked, throw-away gnome-keyring, so the
# keychain tests use a real Secret Service without touching the user's own keyring. On macOS and Windows
# the system keychain (Keychain, Credential Manager) serves the tests directly: they file their entries
# under a random service name and delete them.
set -euo pipefail
if [ "${PROXYDECK_IN_KEYRING:-}" = "1" ]; then exec "$@"; fi
if [ "$(uname -s)" != Linux ]; then exec "$@"; fi
if ! command -v dbus-run-session >/dev/null || ! command -v gnome-keyring-daemon >/dev/null; then
  msg="with-keyring: dbus-run-session or gnome-keyring-daemon is missing (apt-get install dbus gnome-keyring)"
  if [ -n "${CI:-}" ]; then echo "$msg; CI needs the real keychain." >&2; exit 1; fi
  echo "$msg; running without a private keyring, so the keychain tests see this session's keychain, if any." >&2
  exec "$@"
fi
export XDG_DATA_HOME="$(mktemp -d)"
export PROXYDECK_IN_KEYRING=1
exec dbus-run-session -- bash -c 'printf %s proxydeck-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"' _ "$@"
