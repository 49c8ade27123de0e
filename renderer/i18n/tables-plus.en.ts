/** English strings of the tablesPlus namespace (issue 11). Keys live under `tablesPlus` only, so they cannot clash. */
export const tablesPlusEn = {
  tablesPlus: {
    selection: {
      hidden: '{{count, number}} selected, {{hidden, number}} hidden by the filter',
      leftOut_one: 'Copy, export and renew use only the {{count, number}} selected row you can see.',
      leftOut_other: 'Copy, export and renew use only the {{count, number}} selected rows you can see.',
      unselectHidden: 'Unselect hidden rows',
    },
    days: {
      negative: 'Enter 0 or more days. 0 shows what expires today or has already expired.',
    },
    orders: {
      selectAll: 'Select all shown orders',
      selectRow: 'Select order {{id}}',
      selectedCount: '{{count, number}} selected',
      clearSelection: 'Clear selection',
      exportCsv_one: 'Export {{count, number}} order (CSV)',
      exportCsv_other: 'Export {{count, number}} orders (CSV)',
      exported_one: 'Saved {{count, number}} order to {{file}}.',
      exported_other: 'Saved {{count, number}} orders to {{file}}.',
      vendorSays: '{{vendor}} calls it “{{status}}”',
      detailHidden: 'The order you opened is hidden by the filter.',
      showIt: 'Show it',
    },
    country: {
      code: 'Code {{code}}',
    },
    subUsers: {
      search: 'Search',
      searchHint: 'Username or note',
      countFiltered_one: '{{count, number}} of {{total, number}} sub-users shown',
      countFiltered_other: '{{count, number}} of {{total, number}} sub-users shown',
      noMatch: 'No sub-user matches the search. Clear it to see them all.',
    },
  },
};
