/** Strings of the order tag and billing-cycle tools in the order detail panel (English). zh-CN has the same keys. */
export const orderEditEn = {
  orderEdit: {
    tag: {
      edit: 'Edit tag',
      label: 'Tag of order {{id}}',
      hint: 'Up to {{max}} characters. Leave it empty to remove the tag. {{vendor}} shows tags in its dashboard, where you can search by them.',
      save: 'Save tag',
      cancel: 'Cancel',
      saving: 'Saving…',
      saved: 'Tag saved.',
      cleared: 'Tag removed.',
      tooLong: 'A tag can have at most {{max}} characters.',
      unknown:
        'The tag may have been saved, but {{vendor}}’s answer could not be read. Proxydeck is checking by reading the order again.',
    },
    cycle: {
      title: 'Billing cycle',
      current: 'Now: {{cycle}}',
      none: 'The order’s product offers no other billing cycle.',
      choose: 'New billing cycle',
      button: 'Change billing cycle',
      dialogTitle: 'Change the billing cycle of order {{id}}?',
      body: 'From the next renewal, order {{id}} renews every {{cycle}} instead of every {{current}}, at {{vendor}}’s price for that cycle. Nothing is charged now, and the current period is not changed.',
      next: 'The next charge happens when the order renews, at the end of the current period ({{date}}). With auto-renewal off, the order waits on hold for you to pay it.',
      nextUnknown: 'The next charge happens when the order renews, at the end of the current period.',
      promo: 'If the order’s promo code does not apply to the new cycle, {{vendor}} drops it without asking.',
      confirm: 'Change to {{cycle}}',
      keep: 'Keep {{current}}',
      changing: 'Changing…',
      done: 'Changed to {{cycle}}. Nothing was charged.',
      donePrice: 'Changed to {{cycle}}. Nothing was charged. The next renewal costs {{price}}.',
      unknown:
        'The billing cycle may have been changed, but {{vendor}}’s answer could not be read. Proxydeck is checking by reading the order again.',
    },
  },
};
