/** English strings of Settings → "Connect to vendors" (issue 13 §7). Keys live under `connection` only. */
export const connectionEn = {
  connection: {
    title: 'Connect to vendors',
    intro:
      "How Proxydeck reaches the vendors' APIs. If the vendors cannot be reached from your network, choose a proxy.",
    modeLegend: 'Connect',
    mode: {
      direct: 'Directly',
      system: 'Through the system proxy',
      proxy: 'Through this proxy',
    },
    modeHelp: {
      direct: 'Proxydeck connects straight to each vendor.',
      system:
        "Uses your computer's proxy settings (in the browser version: the HTTPS_PROXY and HTTP_PROXY environment variables). If that proxy fails, requests fail: Proxydeck never goes around it.",
      proxy:
        'Every vendor request goes through the proxy below. If the proxy cannot be reached, requests fail: Proxydeck never goes around it.',
    },
    protocol: 'Proxy type',
    protocolName: { http: 'HTTP', https: 'HTTPS', socks5: 'SOCKS5' },
    host: 'Proxy address',
    hostHelp: 'A host name or an IP address, for example 10.0.0.2 or proxy.example.com.',
    port: 'Port',
    portHelp: 'For example 1080 for SOCKS5, or 8080 or 3128 for HTTP.',
    username: 'User name (optional)',
    usernameHelp: 'Only if the proxy asks for a login.',
    password: 'Password',
    passwordSaved: 'saved',
    passwordSavedHelp: 'A password is saved in the system keychain. Type a new one to replace it.',
    passwordNoneHelp: 'Kept in the system keychain, never in a file.',
    forgetPassword: 'Forget the saved password',
    passwordForgotten: 'The saved password was removed.',
    save: 'Save connection settings',
    unsaved: 'Not saved yet. The test below uses what is on screen.',
    field: {
      host: 'Enter the proxy address: a host name or an IP address, without http:// in front.',
      port: 'Enter the proxy port: a whole number from 1 to 65535.',
      username: 'The user name is too long or contains a character that cannot be used (such as ":"). Type it again.',
      password: 'The password is too long or contains a character that cannot be used. Type it again.',
    },
    test: 'Test connection',
    testing: 'Testing the connection to each vendor…',
    testHelp: 'Tries each vendor you use with the settings on screen, saved or not. Nothing is signed in.',
    summary: '{{ok}} of {{total}} reached.',
    proxyName: '{{hostPort}} ({{protocol}})',
    result: {
      okDirect: 'Reached {{vendor}} directly in {{ms}} ms.',
      okSystemDirect: 'Reached {{vendor}} directly (the system setting uses no proxy for it) in {{ms}} ms.',
      okProxy: 'Reached {{vendor}} through the proxy {{proxy}} in {{ms}} ms.',
      okSystemProxy: 'Reached {{vendor}} through the system proxy {{proxy}} in {{ms}} ms.',
      proxy_unreachable:
        'Could not reach the proxy {{proxy}}: {{reason}}. Check the proxy address and port, and that the proxy is running.',
      proxy_auth: 'The proxy {{proxy}} refused the login. Check the user name and password.',
      proxy_refused:
        "The proxy {{proxy}} would not connect to {{vendor}}. Check that the proxy allows connections to the vendor's address.",
      system_unusable:
        'The system proxy setting names no proxy Proxydeck can use (HTTP, HTTPS or SOCKS5). Choose "Through this proxy" and enter one, or connect directly.',
      vendor_unreachable:
        'Could not reach {{vendor}} {{how}}: {{reason}}. Check your internet connection, or choose a proxy.',
      timeout:
        '{{vendor}} did not answer {{how}} within {{seconds}} seconds. Try again in a few minutes, or choose another way to connect.',
    },
    how: {
      direct: 'directly',
      proxy: 'through the proxy {{proxy}}',
    },
    reason: {
      refused: 'connection refused',
      not_found: 'no computer has that name',
      unreachable: 'the network cannot get there',
      timeout: 'no answer in time',
      closed: 'the connection was closed',
    },
  },
};
