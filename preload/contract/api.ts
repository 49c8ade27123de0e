/**
 * The one API object the renderer talks to: intent-named functions, one per channel, built over a
 * transport (Electron IPC in preload, loopback HTTP in the browser host). Never exposes a generic
 * "invoke any channel" function. Type-only imports keep zod out of the preload bundle.
 */
import type { AppEvent, Channel, ChannelArgs, ChannelResponses } from './channels';
import type { Result } from './errors';

export type Invoke = <C extends Channel>(channel: C, ...args: ChannelArgs<C>) => Promise<Result<ChannelResponses[C]>>;
export type Subscribe = (listener: (event: AppEvent) => void) => () => void;

export function buildApi(invoke: Invoke, subscribe: Subscribe) {
  return {
    app: {
      info: () => invoke('app:info'),
      openVendorPage: (input: ChannelArgs<'app:openVendorPage'>[0]) => invoke('app:openVendorPage', input),
    },
    vendors: {
      list: () => invoke('vendors:list'),
    },
    accounts: {
      list: () => invoke('accounts:list'),
      add: (input: ChannelArgs<'accounts:add'>[0]) => invoke('accounts:add', input),
      rename: (input: ChannelArgs<'accounts:rename'>[0]) => invoke('accounts:rename', input),
      remove: (input: ChannelArgs<'accounts:remove'>[0]) => invoke('accounts:remove', input),
      test: (input: ChannelArgs<'accounts:test'>[0]) => invoke('accounts:test', input),
      testCredentials: (input: ChannelArgs<'accounts:testCredentials'>[0]) => invoke('accounts:testCredentials', input),
      refresh: (input: ChannelArgs<'accounts:refresh'>[0] = {}) => invoke('accounts:refresh', input),
    },
    snapshots: {
      list: () => invoke('snapshots:list'),
      /** Only what changed: pass the versions you hold as `known`. */
      get: (input: ChannelArgs<'snapshots:get'>[0] = {}) => invoke('snapshots:get', input),
    },
    whitelist: {
      add: (input: ChannelArgs<'whitelist:add'>[0]) => invoke('whitelist:add', input),
      remove: (input: ChannelArgs<'whitelist:remove'>[0]) => invoke('whitelist:remove', input),
    },
    subUsers: {
      create: (input: ChannelArgs<'subusers:create'>[0]) => invoke('subusers:create', input),
      update: (input: ChannelArgs<'subusers:update'>[0]) => invoke('subusers:update', input),
      remove: (input: ChannelArgs<'subusers:delete'>[0]) => invoke('subusers:delete', input),
    },
    orders: {
      close: (input: ChannelArgs<'orders:close'>[0]) => invoke('orders:close', input),
      ips: (input: ChannelArgs<'orders:ips'>[0]) => invoke('orders:ips', input),
      setSignatures: (input: ChannelArgs<'orders:setSignatures'>[0]) => invoke('orders:setSignatures', input),
      dropAtRenewal: (input: ChannelArgs<'orders:dropAtRenewal'>[0]) => invoke('orders:dropAtRenewal', input),
      setTag: (input: ChannelArgs<'orders:setTag'>[0]) => invoke('orders:setTag', input),
      changeCycle: (input: ChannelArgs<'orders:changeCycle'>[0]) => invoke('orders:changeCycle', input),
      addons: (input: ChannelArgs<'orders:addons'>[0]) => invoke('orders:addons', input),
      scheduleAddon: (input: ChannelArgs<'orders:scheduleAddon'>[0]) => invoke('orders:scheduleAddon', input),
      cancelAddonSchedule: (input: ChannelArgs<'orders:cancelAddonSchedule'>[0]) =>
        invoke('orders:cancelAddonSchedule', input),
    },
    traffic: {
      get: (input: ChannelArgs<'traffic:get'>[0]) => invoke('traffic:get', input),
    },
    trafficCodes: {
      list: (input: ChannelArgs<'trafficCodes:list'>[0]) => invoke('trafficCodes:list', input),
      revoke: (input: ChannelArgs<'trafficCodes:revoke'>[0]) => invoke('trafficCodes:revoke', input),
    },
    residential: {
      form: (input: ChannelArgs<'residential:form'>[0]) => invoke('residential:form', input),
      locations: (input: ChannelArgs<'residential:locations'>[0]) => invoke('residential:locations', input),
      generate: (input: ChannelArgs<'residential:generate'>[0]) => invoke('residential:generate', input),
    },
    servers: {
      monitor: (input: ChannelArgs<'servers:monitor'>[0]) => invoke('servers:monitor', input),
      balancing: (input: ChannelArgs<'servers:balancing'>[0]) => invoke('servers:balancing', input),
      restart: (input: ChannelArgs<'servers:restart'>[0]) => invoke('servers:restart', input),
      subUsers: (input: ChannelArgs<'servers:subUsers'>[0]) => invoke('servers:subUsers', input),
      bind: (input: ChannelArgs<'servers:bind'>[0]) => invoke('servers:bind', input),
      unbind: (input: ChannelArgs<'servers:unbind'>[0]) => invoke('servers:unbind', input),
    },
    renewals: {
      periods: (input: ChannelArgs<'renewals:periods'>[0]) => invoke('renewals:periods', input),
      quote: (selections: ChannelArgs<'renewals:quote'>[0]) => invoke('renewals:quote', selections),
      execute: (confirmation: ChannelArgs<'renewals:execute'>[0]) => invoke('renewals:execute', confirmation),
      operations: () => invoke('renewals:operations'),
      reconcile: (input: ChannelArgs<'renewals:reconcile'>[0]) => invoke('renewals:reconcile', input),
      retry: (input: ChannelArgs<'renewals:retry'>[0]) => invoke('renewals:retry', input),
      setAutoRenew: (input: ChannelArgs<'renewals:autoRenew'>[0]) => invoke('renewals:autoRenew', input),
      resolve: (input: ChannelArgs<'renewals:resolve'>[0]) => invoke('renewals:resolve', input),
      holds: () => invoke('renewals:holds'),
      releaseHold: (input: ChannelArgs<'renewals:releaseHold'>[0]) => invoke('renewals:releaseHold', input),
    },
    purchases: {
      catalog: (input: ChannelArgs<'purchases:catalog'>[0]) => invoke('purchases:catalog', input),
      quote: (input: ChannelArgs<'purchases:quote'>[0]) => invoke('purchases:quote', input),
      confirm: (confirmation: ChannelArgs<'purchases:confirm'>[0]) => invoke('purchases:confirm', confirmation),
      list: () => invoke('purchases:list'),
      reconcile: (input: ChannelArgs<'purchases:reconcile'>[0]) => invoke('purchases:reconcile', input),
      resolve: (input: ChannelArgs<'purchases:resolve'>[0]) => invoke('purchases:resolve', input),
    },
    audit: {
      list: () => invoke('audit:list'),
      csv: () => invoke('audit:csv'),
    },
    reminders: {
      test: () => invoke('reminders:test'),
    },
    business: {
      get: () => invoke('business:get'),
      saveCustomer: (input: ChannelArgs<'customers:save'>[0]) => invoke('customers:save', input),
      deleteCustomer: (input: ChannelArgs<'customers:delete'>[0]) => invoke('customers:delete', input),
      updateItems: (input: ChannelArgs<'items:update'>[0]) => invoke('items:update', input),
      forgetItems: (input: ChannelArgs<'items:forget'>[0]) => invoke('items:forget', input),
      importPreview: (input: ChannelArgs<'items:importPreview'>[0]) => invoke('items:importPreview', input),
      importApply: (input: ChannelArgs<'items:importApply'>[0]) => invoke('items:importApply', input),
      setRates: (rates: ChannelArgs<'rates:set'>[0]) => invoke('rates:set', rates),
    },
    reports: {
      margin: (query: ChannelArgs<'reports:margin'>[0]) => invoke('reports:margin', query),
      spend: (query: ChannelArgs<'reports:spend'>[0]) => invoke('reports:spend', query),
      runway: () => invoke('reports:runway'),
      itemCosts: (query: ChannelArgs<'reports:itemCosts'>[0]) => invoke('reports:itemCosts', query),
      csv: (input: ChannelArgs<'reports:csv'>[0]) => invoke('reports:csv', input),
    },
    health: {
      run: (input: ChannelArgs<'health:run'>[0]) => invoke('health:run', input),
      cancel: (input: ChannelArgs<'health:cancel'>[0]) => invoke('health:cancel', input),
      results: () => invoke('health:results'),
    },
    whitelistBulk: {
      publicIp: () => invoke('publicIp:get'),
      check: (input: ChannelArgs<'whitelist:bulkCheck'>[0]) => invoke('whitelist:bulkCheck', input),
      add: (input: ChannelArgs<'whitelist:bulkAdd'>[0]) => invoke('whitelist:bulkAdd', input),
      followPending: () => invoke('followIp:pending'),
      followDismiss: (input: ChannelArgs<'followIp:dismiss'>[0]) => invoke('followIp:dismiss', input),
      followReplace: (input: ChannelArgs<'followIp:replace'>[0]) => invoke('followIp:replace', input),
    },
    backups: {
      list: () => invoke('backups:list'),
      restore: (input: ChannelArgs<'backups:restore'>[0]) => invoke('backups:restore', input),
    },
    userData: {
      export: (input: ChannelArgs<'userdata:export'>[0]) => invoke('userdata:export', input),
      importPreview: (input: ChannelArgs<'userdata:importPreview'>[0]) => invoke('userdata:importPreview', input),
      importApply: (input: ChannelArgs<'userdata:importApply'>[0]) => invoke('userdata:importApply', input),
    },
    settings: {
      get: () => invoke('settings:get'),
      update: (patch: ChannelArgs<'settings:update'>[0]) => invoke('settings:update', patch),
      proxyPassword: () => invoke('settings:proxyPassword'),
      setProxyPassword: (input: ChannelArgs<'settings:setProxyPassword'>[0]) =>
        invoke('settings:setProxyPassword', input),
      testConnection: (input: ChannelArgs<'settings:testConnection'>[0]) => invoke('settings:testConnection', input),
    },
    events: {
      /** Returns an unsubscribe function. */
      subscribe: (listener: (event: AppEvent) => void) => subscribe(listener),
    },
  };
}

export type ProxydeckApi = ReturnType<typeof buildApi>;

/** The one IPC channel carrying AppEvents from main to the renderer. */
export const EVENT_CHANNEL = 'proxydeck:event';

/** The global name under which preload exposes the API (window.proxydeck). */
export const API_GLOBAL = 'proxydeck';
