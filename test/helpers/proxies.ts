/**
 * Local proxies for tests: the same HTTP CONNECT and SOCKS5 proxies demo mode runs for the health check
 * (main/core/demo/local-proxies.ts), so there is one implementation. Each counts the tunnels it opened and
 * the logins it refused, and records the targets, so a test proves its requests really went through it.
 */
export {
  deadPort,
  type LocalProxy as TestProxy,
  startHttpConnectProxy,
  startSocks5Proxy,
} from '../../main/core/demo/local-proxies';
