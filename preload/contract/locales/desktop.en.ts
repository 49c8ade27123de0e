/**
 * Text of the desktop parts main shows (application menu, tray, notifications, native dialogs) and of
 * the demo accounts' names, in English. Plain data, no imports: main's translator
 * (main/core/i18n/desktop-text.ts) and the renderer's i18next (renderer/i18n) load the same resources,
 * under the `desktop` key. zh-CN must have exactly the same keys (the type `DesktopMessages`, and a test).
 * Plurals use i18next's `_one` / `_other` suffixes with `count`.
 */
export const desktopEn = {
  desktop: {
    menu: {
      app: 'Proxydeck',
      about: 'About Proxydeck',
      services: 'Services',
      hide: 'Hide Proxydeck',
      hideOthers: 'Hide Others',
      unhide: 'Show All',
      quit: 'Quit Proxydeck',
      file: 'File',
      close: 'Close Window',
      exit: 'Exit',
      edit: 'Edit',
      undo: 'Undo',
      redo: 'Redo',
      cut: 'Cut',
      copy: 'Copy',
      paste: 'Paste',
      selectAll: 'Select All',
      view: 'View',
      resetZoom: 'Actual Size',
      zoomIn: 'Zoom In',
      zoomOut: 'Zoom Out',
      toggleFullScreen: 'Toggle Full Screen',
      reload: 'Reload',
      toggleDevTools: 'Toggle Developer Tools',
      window: 'Window',
      minimize: 'Minimize',
      zoom: 'Zoom',
      front: 'Bring All to Front',
      help: 'Help',
    },
    tray: {
      open: 'Open Proxydeck',
      quit: 'Quit Proxydeck',
      tooltip: 'Proxydeck',
      tooltipDue: 'Proxydeck — {{text}}',
    },
    dialog: {
      startFailedTitle: 'Proxydeck could not start',
      startFailedBody:
        'Something went wrong while starting (the details are in the log: {{log}}). Restart Proxydeck; if it keeps happening, check that its data folder {{dir}} is on a working disk.',
    },
    account: {
      withVendor: '{{label}} · {{vendor}}',
    },
    demo: {
      /** The name of a demo account (shown with its vendor: "Demo · Thordata"). */
      name: 'Demo',
    },
    reminders: {
      ip_one: '{{count}} IP',
      ip_other: '{{count}} IPs',
      order_one: '{{count}} order',
      order_other: '{{count}} orders',
      server_one: '{{count}} server',
      server_other: '{{count}} servers',
      items_one: '{{count}} item',
      items_other: '{{count}} items',
      days_one: '{{count}} day',
      days_other: '{{count}} days',
      /** Joins the counts of kinds: "2 IPs and 1 server". */
      and: ' and ',
      listSeparator: ', ',
      more_one: ' and {{count}} more',
      more_other: ' and {{count}} more',
      renew: 'Renew in Proxydeck to keep them.',
      /** One account; `count` is the number of items told. */
      title_one: '{{what}} at {{where}} expires within {{days}}',
      title_other: '{{what}} at {{where}} expire within {{days}}',
      body: '{{names}}{{more}}. {{also}}{{renew}}',
      also: 'Also {{what}} within {{days}}. ',
      summaryTitle: '{{what}} in {{accounts}} accounts expire within {{days}}',
      summaryItem: '{{label}} at {{account}}{{within}}',
      summaryWithin: ' (within {{days}})',
      summaryBody: 'Soonest: {{names}}{{more}}. {{renew}}',
      /** The tray's words for the items due soon; `count` is the number of items. */
      dueSoon_one: '{{what}} expires within {{days}}',
      dueSoon_other: '{{what}} expire within {{days}}',
      testTitle: 'Test reminder: {{title}}',
      testSampleTitle: 'Test reminder: expiry reminders look like this',
      testSampleBody:
        'Nothing expires within {{days}}. When something does, Proxydeck reminds you {{thresholds}} days before.',
    },
    /** The balance runway reminder (issue 16): the balance will not cover the renewals due soon. */
    runway: {
      title: 'The balance at {{where}} runs short on {{date}}',
      body_one: 'The renewal due by {{date}} needs {{amount}} more than the balance. Top up at the vendor to keep it.',
      body_other:
        'The {{count}} renewals due by {{date}} need {{amount}} more than the balance. Top up at the vendor to keep them.',
    },
  },
};

/** The shape every language must have: the same keys, strings as values. */
type Widen<T> = T extends string ? string : { [K in keyof T]: Widen<T[K]> };
export type DesktopMessages = Widen<typeof desktopEn>;
