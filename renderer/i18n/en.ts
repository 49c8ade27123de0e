/**
 * English strings. The zh-CN file must have exactly the same keys (checked by the type `Messages`).
 * Vendor field labels and help text come from main in English (vendors.list); only translations
 * of them live in other languages (see `vendorFields` there).
 */
export const en = {
  app: {
    name: 'Proxydeck',
    skipToContent: 'Skip to main content',
    loading: 'Loading…',
    tryAgain: 'Try again',
    couldNotStart: 'Proxydeck could not load its data.',
  },
  nav: {
    label: 'Main',
    dashboard: 'Dashboard',
    orders: 'Orders',
    ips: 'IPs',
    traffic: 'Traffic',
    whitelists: 'Whitelists',
    subUsers: 'Sub-users',
    servers: 'Servers',
    residential: 'Residential',
    customers: 'Customers',
    reports: 'Reports',
    accounts: 'Accounts',
    settings: 'Settings',
  },
  time: {
    /** A time from a vendor whose docs state no zone: its own wall-clock digits, labelled. */
    vendor: '{{time}} (vendor time)',
    vendorHelp: 'Vendor time: the provider does not say which time zone its times are in; this is its own clock.',
  },
  placeholder: {
    body: 'This view is being built. Your accounts are listed under Accounts.',
  },
  banner: {
    keychainTitle: 'Read-only mode',
    keychainFallback:
      'Proxydeck cannot reach the system keychain, so it cannot save or use account keys right now. Unlock or set up the keychain of your computer, then restart Proxydeck.',
    noticeTitle: 'Notice',
    dismiss: 'Dismiss',
    demoTitle: 'Demo mode',
    demoBody:
      'You are looking at demo accounts with made-up data. Add your own account to start; remove the demo accounts any time.',
    demoAction: 'Add your account',
  },
  common: {
    cancel: 'Cancel',
    save: 'Save',
    saving: 'Saving…',
    close: 'Close',
    demo: 'Demo',
    never: 'Never',
    show: 'Show',
    hide: 'Hide',
  },
  accounts: {
    title: 'Accounts',
    intro: 'Your accounts at each proxy provider. Keys are kept in the system keychain of this computer.',
    add: 'Add account',
    loading: 'Loading your accounts…',
    emptyTitle: 'No accounts yet',
    emptyBody: 'Add the account you use at Thordata, ProxyShard, YouProxy or BestProxy to see it here.',
    tableLabel: 'Accounts',
    colName: 'Name',
    colVendor: 'Provider',
    colKey: 'Key',
    colCreated: 'Added',
    colLastRefresh: 'Last refresh',
    colActions: 'Actions',
    noHint: 'Hidden',
    test: 'Test connection',
    testing: 'Testing connection…',
    rename: 'Rename',
    remove: 'Remove',
    connected: 'Connected',
    notConnected: 'Not connected',
    count_one: '{{count}} account',
    count_other: '{{count}} accounts',
  },
  rename: {
    title: 'Rename account',
    intro: 'Choose a new name for “{{label}}”.',
    field: 'Account name',
    submit: 'Save',
    saved: 'Account renamed.',
  },
  remove: {
    title: 'Remove account?',
    body: 'Remove “{{label}}” ({{vendor}}) from Proxydeck?',
    keychain:
      'Its key is removed from the system keychain of this computer. Your account at {{vendor}} itself is not changed.',
    confirm: 'Confirm remove',
    removing: 'Removing…',
    removed: '“{{label}}” was removed.',
  },
  addForm: {
    title: 'Add account',
    vendorLegend: 'Proxy provider',
    vendorHint: 'Choose the provider where you have the account.',
    chooseVendor: 'Choose a provider to see which details it needs.',
    credentialsLegend: 'Details from {{vendor}}',
    label: 'Account name',
    labelHelp: 'A name you will recognise, for example “Main {{vendor}}” or a client’s name.',
    test: 'Test connection',
    testing: 'Testing connection…',
    save: 'Save',
    saving: 'Saving…',
    fixErrors: 'Some fields need your attention; see the messages in red above.',
    added: '“{{label}}” was added.',
    secretNote: 'Keys are saved only in the system keychain of this computer.',
  },
  validation: {
    required: 'This field is required.',
    tooLong: 'This value is too long to be a key.',
    noSpaces: 'Keys never contain spaces or line breaks. Copy it again.',
    labelRequired: 'Give the account a name.',
    labelTooLong: 'Keep the name under 60 characters.',
    labelBadChars: 'The name contains characters that cannot be shown.',
    vendorRequired: 'Choose a provider.',
    wholeNumber: 'Enter a whole number from {{min}} to {{max}}.',
    reminderDays: 'Enter up to 6 whole numbers from 0 to 90, separated by commas.',
    unsavable: {
      label: 'The name contains a character that cannot be saved. Remove it and try again.',
      credential: 'This value contains a character that cannot be saved. Copy it again and paste it here.',
      username: 'The username contains a character that cannot be saved. Remove it and try again.',
      password: 'The password contains a character that cannot be saved. Remove it and try again.',
      note: 'The note contains a character that cannot be saved. Remove it and try again.',
      verifyCode: 'The verification code contains a character that cannot be saved. Type it again.',
    },
  },
  settings: {
    title: 'Settings',
    appearance: 'Appearance',
    appearanceHint: 'Changes here take effect at once.',
    theme: 'Theme',
    themeSystem: 'Same as the system',
    themeLight: 'Light',
    themeDark: 'Dark',
    language: 'Language',
    langEn: 'English',
    langZh: '简体中文 (Simplified Chinese)',
    data: 'Refresh and reminders',
    refreshInterval: 'Refresh interval (minutes)',
    refreshIntervalHelp: 'How often Proxydeck updates your accounts in the background. 0 means only when you ask.',
    expiryWindow: 'Expiring soon window (days)',
    expiryWindowHelp: 'Orders and IPs that expire within this many days are shown as expiring soon.',
    lowBalance: 'Low balance warning (US dollars)',
    lowBalanceHelp:
      'An account whose balance falls below this amount is listed under “Needs attention”. Balances in other currencies use a rounded fixed rate. 0 turns the warning off.',
    reminderDays: 'Reminder days',
    reminderDaysHelp:
      'Days before expiry to remind you, separated by commas (for example 7, 3, 1). Leave empty for none.',
    save: 'Save',
    saving: 'Saving…',
    saved: 'Saved',
    loading: 'Loading settings…',
    about: 'About',
    version: 'Version {{version}}',
  },
  transport: {
    network: 'Proxydeck did not answer. Check that Proxydeck is still running, then try again.',
    forbidden: 'This window is not allowed to talk to Proxydeck. Close it and open it again from Proxydeck.',
    unreadable:
      'Proxydeck sent an answer this window could not read. Try again; if it keeps happening, restart Proxydeck.',
    tooLarge: 'This request is too large for Proxydeck to accept. Select fewer items and try again.',
  },
  /** Translations of vendor credential fields, by vendor id and field name. English comes from main. */
  vendorFields: {} as Record<string, Record<string, { label: string; help: string }>>,
};

export type Widen<T> = T extends string
  ? string
  : T extends Record<string, unknown>
    ? { [K in keyof T]: Widen<T[K]> }
    : T;
export type Messages = Widen<typeof en>;
