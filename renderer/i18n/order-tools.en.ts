/** Strings of a vendor's own order tools in the order detail panel (English). zh-CN has the same keys. */
export const orderToolsEn = {
  orderTools: {
    close: {
      button: 'Close this unpaid order',
      title: 'Close unpaid order {{id}}?',
      body: '{{vendor}} cancels this order, so it can no longer be paid. Nothing is charged, and nothing you already have changes. To buy it later, place a new order.',
      confirm: 'Close the order',
      keep: 'Keep it',
      closing: 'Closing…',
      done: 'Closed. Updating the orders…',
      unknown:
        'The order may have been closed, but {{vendor}}’s answer could not be read. Proxydeck is checking by reading the orders again.',
    },
    sig: {
      title: 'OS signature (p0f)',
      intro:
        'An OS signature makes traffic through an IP look like it comes from that system. Close every connection through these IPs before you change it, and allow 2–3 minutes for it to take effect.',
      load: 'Show IPs and their OS signature',
      loading: 'Reading the IPs from {{vendor}}…',
      reload: 'Read again',
      slots:
        'p0f slots: {{used}} of {{available}} in use, {{free}} free. An IP’s first signature takes one slot for good; changing it later takes none.',
      noSlots:
        'This order has no p0f slots. Buy p0f slots (the order’s add-on) at {{vendor}} first; each IP’s first signature takes one.',
      ip: 'IP',
      current: 'Current signature',
      none: 'None (Linux default)',
      pick: 'Change {{ip}}',
      choose: 'Set to',
      summary_one: 'Sets {{signature}} on 1 IP. New slots taken: {{fresh}}.',
      summary_other: 'Sets {{signature}} on {{count}} IPs. New slots taken: {{fresh}}.',
      tooFew_one:
        'Not enough free p0f slots: {{count}} more is needed. Buy it (the order’s p0f add-on) first, or choose fewer IPs without a signature.',
      tooFew_other:
        'Not enough free p0f slots: {{count}} more are needed. Buy them (the order’s p0f add-on) first, or choose fewer IPs without a signature.',
      apply: 'Set OS signature',
      saving: 'Setting…',
      done: 'Set. Give it 2–3 minutes before you reconnect.',
      unknown:
        'The signature may have been set, but {{vendor}}’s answer could not be read. Proxydeck is checking by reading the IPs again.',
      noClear: '{{vendor}}’s API cannot clear a signature, only change it.',
    },
    drop: {
      title: 'Drop IPs at the next renewal',
      intro:
        'Ticked IPs can be marked to be removed when the order next renews. They keep working until then, the next period costs less, and nothing is charged now. At least one IP must stay. {{vendor}} does not show which IPs are marked: the count below is what it will renew.',
      quantity: 'IPs {{vendor}} will renew: {{count}}',
      drop: 'Drop at next renewal',
      keep: 'Keep at next renewal',
      allTicked: 'At least one IP must stay in the order: untick one to drop the rest.',
      saving: 'Saving…',
      done: 'Saved. {{vendor}} will renew {{count}} IPs.',
      unknown:
        'The change may have been saved, but {{vendor}}’s answer could not be read. Proxydeck is checking by reading the order again.',
    },
    os: {
      ios: 'iOS',
      macos: 'macOS',
      android: 'Android',
      linux: 'Linux',
      win10: 'Windows 10',
      win11: 'Windows 11',
    },
  },
};
