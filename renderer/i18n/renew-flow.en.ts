/** English strings of the renewFlow namespace (issue 11). Keys live under `renewFlow` only, so they cannot clash. */
export const renewFlowEn = {
  renewFlow: {
    button: {
      noneSelected: 'Select the items to renew first.',
      noneHere: 'None of the selected items can be renewed here: open it to see what to do instead.',
      leftOut_one: '{{count}} selected item is not renewed here; open it to see why.',
      leftOut_other: '{{count}} selected items are not renewed here; open it to see why.',
    },
    leftOut: {
      summary_one: '{{count}} item is left out: its provider does not renew it here. What to do instead:',
      summary_other: '{{count}} items are left out: their providers do not renew them here. What to do instead:',
      show: 'Show the items',
      rule: {
        onHold:
          '{{vendor}} renews an order only once it has ended and is on hold. Turn on auto-renew so {{vendor}} renews it on time by itself.',
        dashboard: '{{vendor}} renews these only in its own dashboard.',
        viaOrder: '{{vendor}} renews whole orders, not single IPs. Renew the order from the Orders view.',
        none: '{{vendor}} cannot renew these through its API. Renew them at {{vendor}}.',
      },
      openDashboard: 'Open the {{vendor}} dashboard',
      opened: 'Opened in your browser.',
    },
    period: {
      split: 'Items of different types allow different periods, so they are listed apart.',
      types: 'Type: {{types}}',
      noFit: '{{vendor}} offers no period that fits these items’ type.',
      why: {
        loading: 'Waiting for the periods the providers offer.',
        nothing: 'Nothing here can be priced: choose a period above, or close and renew at the provider.',
      },
      leftOutErrors_one: '{{count}} part cannot be priced and will be left out of the price check.',
      leftOutErrors_other: '{{count}} parts cannot be priced and will be left out of the price check.',
    },
    funds: {
      title: 'Can you afford it?',
      account: 'Account',
      balance: 'Balance',
      cost: 'Cost',
      left: 'Left after',
      notReported: 'Not reported',
      noBalanceApi_one:
        '{{vendors}} does not tell Proxydeck your balance, so it cannot be checked here. Make sure it has at least the cost shown before you confirm.',
      noBalanceApi_other:
        '{{vendors}} do not tell Proxydeck your balance, so it cannot be checked here. Make sure each has at least the cost shown before you confirm.',
      short: 'Not enough',
      shortTitle: 'Your balance does not cover everything.',
      shortNext: 'Choose one: renew what the balance covers now, or top up and check the price again.',
      covered_one: 'Renew what the balance covers ({{count}} item, soonest expiry first)',
      covered_other: 'Renew what the balance covers ({{count}} items, soonest expiry first)',
      coversNothing: 'The balance does not cover even one item: top up first.',
      topUp: 'Top up at {{vendor}}',
      topUpAgain: 'After topping up, press “Check the price again”.',
      subset:
        'Only what your balance covers: {{count}} of {{of}} items, soonest expiry first. Check the new total below.',
      whyDisabled: {
        blocked: 'Cannot be confirmed yet: see the reasons above.',
        unknown: 'Tick the box above to accept the unknown price first.',
        noPrice: 'There is no price to confirm.',
      },
    },
    /** Price-check notes by code (zh-CN shows these; English shows main's own specific sentence). */
    warnings: {
      currency_assumed: 'BestProxy does not state the currency of order amounts; they are shown as US dollars.',
      partial_prices: 'BestProxy did not price every item separately.',
      price_unknown: 'The price of some renewals is not known in advance.',
      promo_not_valid: 'The promo code is not valid; the price is without discount.',
      estimate: 'The provider could not price this renewal; the price shown is an estimate.',
      external_payment:
        'This payment method creates an unpaid order: the items are renewed once you pay it at the provider.',
      not_renewable: 'This plan is topped up with traffic, not renewed.',
      not_on_hold: 'The provider renews this order only once it is on hold; turn on auto-renew so it renews on time.',
      period_mismatch:
        'This order renews for its own billing cycle; change the cycle first to renew for another period.',
      price_differs:
        'The provider’s price check differs from what the order was last paid; the renewal may charge either.',
      ipv6_whole_order:
        'IPv6 IPs are renewed together with their whole order: the other IPs of that order are renewed too.',
    },
  },
};
