/** Strings of Settings → "Your data": backups, export and import (English). zh-CN has the same keys. */
export const userdataEn = {
  userdata: {
    title: 'Your data',
    intro:
      'Your customers, prices and "keep" marks exist only on this computer: no provider can give them back. Proxydeck saves a copy every day (the last 7 days) and you can move everything to another computer with one file.',
    backups: {
      title: 'Daily copies of your customers and prices',
      empty: 'No copies yet. Proxydeck makes one the first time your customers or prices change each day.',
      tableLabel: 'Copies of your customers and prices',
      day: 'From',
      customers: 'Customers',
      items: 'Assigned items',
      restore: 'Restore',
      loading: 'Reading the copies…',
      confirmTitle: 'Restore this copy?',
      confirmBody:
        'Your customers and prices go back to how they were on {{day}} (customers: {{customers}}, assigned items: {{items}}). What you have now is saved as a copy first, so you can go back to it.',
      confirm: 'Restore',
      restoring: 'Restoring…',
      restored: 'Restored the copy from {{day}}.',
      startOfDay: '{{day}} (start of the day)',
    },
    export: {
      title: 'Export everything to a file',
      intro:
        'One file with your settings, your accounts (names only), customers, assignments and prices. Use it to move to another computer or to keep a copy somewhere safe.',
      includeKeys: 'Include the API keys (locked with a passphrase)',
      includeKeysHelp:
        'Without the keys, you add each account again on the other computer. With them, the file is locked with a passphrase you choose: keep it safe, Proxydeck cannot recover it.',
      passphrase: 'Passphrase',
      passphraseAgain: 'Type the passphrase again',
      passphraseHelp: 'At least 10 characters. A short sentence is easy to remember and hard to guess.',
      tooShort: 'Use a passphrase of at least 10 characters.',
      mismatch: 'The two passphrases are not the same. Type them again.',
      strength: {
        weak: 'Strength: weak. Make it longer or mix words, numbers and signs.',
        fair: 'Strength: fair. A few more characters make it much stronger.',
        strong: 'Strength: strong.',
      },
      button: 'Export',
      working: 'Making the file…',
      done: 'Saved {{file}} to your downloads.',
      doneKeys_one: 'Saved {{file}} to your downloads, with the key of {{count}} account, locked with your passphrase.',
      doneKeys_other:
        'Saved {{file}} to your downloads, with the keys of {{count}} accounts, locked with your passphrase.',
    },
    import: {
      title: 'Import from a file',
      intro: 'Choose a file saved with Export. You see what would change first; nothing is replaced until you confirm.',
      file: 'Export file',
      passphrase: 'Passphrase (only if the file has keys)',
      check: 'Check the file',
      checking: 'Reading the file…',
      chooseFirst: 'Choose a file first.',
      unreadable: 'This file could not be read. Choose it again.',
      previewTitle: 'What the import would change',
      fileFrom: 'Exported on {{date}} by Proxydeck {{version}}.',
      migrated: 'The file was made by an older version of Proxydeck; it was brought up to date.',
      settingsChanged: 'Settings: replaced by the ones in the file.',
      settingsSame: 'Settings: the same as now.',
      customers: 'Customers: {{added}} new, {{replaced}} changed, {{unchanged}} the same, {{removed}} removed.',
      items:
        'Assignments and prices: {{added}} new, {{replaced}} changed, {{unchanged}} the same, {{removed}} removed.',
      removedNote: 'What is removed stays in a copy made just before the import.',
      keysNone: 'The file holds no keys.',
      keysLocked:
        'The file holds API keys, locked with a passphrase. Type it above and check again to bring the keys; without it, the rest is imported.',
      keysOpened: 'The passphrase opened the keys: accounts not on this computer are added with them.',
      proxyPassword: 'The proxy password in the file will be kept in the system keychain.',
      accountsTitle: 'Accounts',
      status: {
        matched: 'On this computer ({{label}})',
        new: 'Will be added with its key',
        missing: 'Not on this computer. Add this account, then import again to link its customers.',
        conflict: 'Cannot be added: an account here is already named "{{label}}". Rename it, then import again.',
      },
      itemsOf_one: '{{count}} item',
      itemsOf_other: '{{count}} items',
      replace: 'Replace my data',
      back: 'Choose another file',
      confirmTitle: 'Replace your data with the file?',
      confirmBody:
        'Your customers, assignments, prices and settings are replaced by the ones in the file. What you have now is saved as a copy first.',
      confirm: 'Replace',
      replacing: 'Replacing…',
      done: 'Imported. Customers: {{customers}}, assigned items: {{items}}.',
      added: 'Accounts added: {{names}}.',
      missing:
        'Not on this computer: {{names}}. Add these accounts, then import the file again to link their customers.',
      failed: 'Not added: {{label}}. {{message}}',
      wrongPassphrase: 'That passphrase does not open this file. Nothing was imported.',
      notExport: 'This file is not a Proxydeck export. Choose the file Proxydeck saved with "Export".',
      newer:
        'This file was made by a newer version of Proxydeck. Update Proxydeck on this computer, then import it again. Nothing was imported.',
      damaged: 'This export file is damaged or was changed after it was saved. Nothing was imported.',
      expired: 'This check is no longer valid (it was used, or more than 10 minutes passed). Check the file again.',
    },
    notice: {
      problem: {
        damaged: 'it is damaged',
        unreadable: 'the disk could not read it',
      },
      businessRestored:
        'Your customers and prices file could not be used: {{problem}}. It was kept unchanged at {{kept}}, and the backup taken on {{day}} was restored: changes made after that are missing, so please check your customers and prices. To restore another copy, open Settings → Your data.',
      businessEmpty:
        'Your customers and prices file could not be used: {{problem}}, and there is no backup of it. Proxydeck started with no customers or prices. The file was kept unchanged at {{kept}}; keep it if you want to have it repaired. If you have an export file, import it in Settings → Your data.',
      runway: 'The list of balance reminders already shown could not be read. A balance reminder may show again.',
      runwayKept:
        'The list of balance reminders already shown could not be read (kept as {{kept}}). A balance reminder may show again.',
      accountNameTaken: 'Another account here is already named “{{name}}”.',
      accountNotAdded: 'It could not be added.',
    },
  },
};
