/**
 * Turns keytar's raw errors (D-Bus and Secret Service texts on Linux, Keychain/Credential Manager
 * texts elsewhere) into one plain sentence that says what to do. The raw text is never shown.
 */
export function keychainMessage(raw: string, platform: NodeJS.Platform = process.platform): string {
  const text = raw.toLowerCase();
  if (platform === 'linux') {
    if (text.includes('locked')) {
      return 'Your system keychain is locked. Unlock it (log out and in, or open "Passwords and Keys") and restart Proxydeck. Until then accounts are shown read-only from the last saved data.';
    }
    if (
      text.includes('org.freedesktop.secrets') ||
      text.includes('dbus') ||
      text.includes('d-bus') ||
      text.includes('could not connect') ||
      text.includes('collection')
    ) {
      return 'No system keychain was found. Proxydeck keeps your API keys in the keychain (Secret Service). Install and start GNOME Keyring or KWallet (package "gnome-keyring" on most systems), then restart Proxydeck. Until then accounts are shown read-only from the last saved data.';
    }
  }
  if (platform === 'darwin') {
    return 'Proxydeck could not use the macOS Keychain. Open Keychain Access, make sure the login keychain is unlocked, then try again. Until then accounts are shown read-only.';
  }
  if (platform === 'win32') {
    return 'Proxydeck could not use Windows Credential Manager. Sign in to Windows normally (not as a temporary profile) and try again. Until then accounts are shown read-only.';
  }
  return 'The system keychain is not available, so API keys cannot be read or saved. Accounts are shown read-only from the last saved data.';
}
