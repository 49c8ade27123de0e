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
        'This order has no p0f slots. Buy them first with “Buy more slots” under p0f slots below; each IP’s first signature takes one.',
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
    addons: {
      title: 'p0f slots (add-on)',
      intro: 'Each p0f slot lets one IP of this order get an OS signature. Slots are paid per period with the order.',
      load: 'Show p0f slots',
      loading: 'Reading the add-ons from {{vendor}}…',
      reload: 'Read again',
      none: 'This order has no p0f slots yet.',
      current_one: 'p0f slots: {{count}} active ({{used}} used by signed IPs), {{price}} each per period.',
      current_other: 'p0f slots: {{count}} active ({{used}} used by signed IPs), {{price}} each per period.',
      pending_one: 'At the next renewal: {{count}} slot (a downgrade is scheduled).',
      pending_other: 'At the next renewal: {{count}} slots (a downgrade is scheduled).',
      priceUnknown: 'price not stated',
      buyQty: 'Slots to buy',
      buy: 'Buy more slots',
      buyCost:
        'About {{price}} for this period, charged from your {{vendor}} wallet at once. {{vendor}}’s own price check is shown before you confirm.',
      activeOnly: '{{vendor}} sells add-ons for active orders only.',
      dialogTitle: 'Buy p0f slots for order {{id}}',
      nextQty: 'Slots to keep',
      schedule: 'Schedule a downgrade at next renewal',
      scheduleHint: 'Keep between 1 and {{max}} slots from the next renewal. Nothing is charged or refunded now.',
      scheduleCost_one:
        'From the next renewal the order keeps {{count}} slot, and each renewal costs {{saving}} less. Nothing is charged or refunded now; every slot keeps working until then.',
      scheduleCost_other:
        'From the next renewal the order keeps {{count}} slots, and each renewal costs {{saving}} less. Nothing is charged or refunded now; every slot keeps working until then.',
      cancel: 'Cancel the scheduled downgrade',
      cancelCost_one:
        'The order then keeps its {{count}} slot at the next renewal, and the renewal costs {{extra}} more than with the downgrade. Nothing is charged now.',
      cancelCost_other:
        'The order then keeps all {{count}} slots at the next renewal, and the renewal costs {{extra}} more than with the downgrade. Nothing is charged now.',
      saving: 'Saving…',
      bought: 'Bought. The order’s slots are updated.',
      scheduled_one: 'Scheduled: {{count}} slot from the next renewal.',
      scheduled_other: 'Scheduled: {{count}} slots from the next renewal.',
      cancelled: 'The scheduled downgrade is cancelled.',
      unknown:
        'The change may have been saved, but {{vendor}}’s answer could not be read. Proxydeck read the order again: what is shown is what {{vendor}} says now.',
    },
    bandwidth: {
      title: 'Residential traffic',
      intro: 'Add traffic (in whole GB) to this residential plan. It goes to the plan’s shared pool.',
      qty: 'GB to buy',
      buy: 'Buy more traffic',
      cost: '{{vendor}} charges its per-GB price from your wallet at once. It does not tell the exact price in advance, so you confirm that first.',
      activeOnly: '{{vendor}} adds traffic to active orders only.',
      dialogTitle: 'Buy traffic for order {{id}}',
      bought: 'Bought. The traffic is added to the plan; refresh to see the new total.',
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
