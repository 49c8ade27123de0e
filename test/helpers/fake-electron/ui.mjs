/** The fake Menu, Tray, Notification, nativeImage, shell, dialog and the small modules around them. */

import { EventEmitter } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { Recorded, record, warn } from './state.mjs';

// Electron's MenuItem roles (docs: api/menu-item#roles); another role is a typo Electron would ignore.
const ROLES = new Set(
  (
    'undo redo cut copy paste pasteAndMatchStyle delete selectAll reload forceReload toggleDevTools resetZoom ' +
    'zoomIn zoomOut toggleSpellChecker togglefullscreen window minimize close help about services hide hideOthers ' +
    'unhide quit showSubstitutions toggleSmartQuotes toggleSmartDashes startSpeaking stopSpeaking zoom front ' +
    'appMenu fileMenu editMenu viewMenu shareMenu recentDocuments toggleTabBar selectNextTab selectPreviousTab ' +
    'showAllTabs mergeAllWindows clearRecentDocuments moveTabToNewWindow windowMenu'
  ).split(' '),
);

export class MenuItem {
  constructor(options) {
    if (!options || (options.label === undefined && !options.role && !options.type && !options.submenu))
      throw new Error('Invalid template for MenuItem: must have at least one of label, role or type');
    if (options.role && !ROLES.has(options.role)) warn(`unknown menu role '${options.role}'`);
    this.label = options.label ?? '';
    this.role = options.role;
    this.type = options.type ?? (options.submenu ? 'submenu' : 'normal');
    this.id = options.id;
    this.click = options.click;
    this.enabled = options.enabled ?? true;
    this.visible = options.visible ?? true;
    this.checked = options.checked ?? false;
    this.accelerator = options.accelerator;
    this.toolTip = options.toolTip;
    this.sublabel = options.sublabel;
    if (options.submenu)
      this.submenu = options.submenu instanceof Menu ? options.submenu : Menu.buildFromTemplate(options.submenu, true);
  }
}

let nextMenuId = 1;
export let applicationMenu = null;

export class Menu extends Recorded {
  constructor() {
    const id = nextMenuId++;
    super('Menu', `Menu#${id}`);
    this.items = [];
  }
  static buildFromTemplate(template, nested = false) {
    if (!Array.isArray(template)) throw new TypeError('Invalid template for Menu: Menu template must be an array');
    const menu = new Menu();
    if (!nested) record('Menu.buildFromTemplate', menu.fakeRef, [template]);
    for (const item of template) menu.append(item instanceof MenuItem ? item : new MenuItem(item));
    return menu;
  }
  static setApplicationMenu(menu) {
    record('Menu.setApplicationMenu', undefined, [menu]);
    applicationMenu = menu;
  }
  static getApplicationMenu() {
    return applicationMenu;
  }
  append(item) {
    this.items.push(item);
  }
  insert(pos, item) {
    this.items.splice(pos, 0, item);
  }
  getMenuItemById(id) {
    for (const item of this.items) {
      if (item.id === id) return item;
      const found = item.submenu?.getMenuItemById(id);
      if (found) return found;
    }
    return null;
  }
  popup(options) {
    record('Menu.popup', this.fakeRef, options === undefined ? [] : [options]);
  }
  closePopup() {}
}

/** A JSON picture of a menu: what a test reads (labels, roles, types, whether it does something). */
export function menuTree(menu) {
  if (!menu) return null;
  return menu.items.map((i) => ({
    label: i.label,
    ...(i.role ? { role: i.role } : {}),
    type: i.type,
    enabled: i.enabled,
    visible: i.visible,
    ...(i.accelerator ? { accelerator: i.accelerator } : {}),
    hasClick: typeof i.click === 'function',
    ...(i.submenu ? { submenu: menuTree(i.submenu) } : {}),
  }));
}

let nextTrayId = 1;
/** @type {Tray[]} */
export const trays = [];
export class Tray extends Recorded {
  destroyed = false;
  contextMenu = null;
  toolTip = '';
  title = '';
  constructor(image, guid) {
    const id = nextTrayId++;
    super('Tray', `Tray#${id}`);
    record('new Tray', this.fakeRef, guid === undefined ? [image] : [image, guid]);
    // FAKE_ELECTRON_NO_TRAY=1: a desktop without a tray.
    if (process.env.FAKE_ELECTRON_NO_TRAY === '1') throw new Error('Tray is not supported on this desktop');
    this.image = image;
    trays.push(this);
  }
  setContextMenu(menu) {
    record('Tray.setContextMenu', this.fakeRef, [menu]);
    this.contextMenu = menu;
  }
  setToolTip(text) {
    record('Tray.setToolTip', this.fakeRef, [text]);
    this.toolTip = text;
  }
  setTitle(title) {
    record('Tray.setTitle', this.fakeRef, [title]);
    this.title = title;
  }
  setImage(image) {
    record('Tray.setImage', this.fakeRef, [image]);
    this.image = image;
  }
  setIgnoreDoubleClickEvents(on) {
    record('Tray.setIgnoreDoubleClickEvents', this.fakeRef, [on]);
  }
  popUpContextMenu() {
    record('Tray.popUpContextMenu', this.fakeRef);
  }
  displayBalloon(options) {
    record('Tray.displayBalloon', this.fakeRef, [options]);
  }
  getBounds() {
    return { x: 0, y: 0, width: 22, height: 22 };
  }
  destroy() {
    record('Tray.destroy', this.fakeRef);
    this.destroyed = true;
  }
  isDestroyed() {
    return this.destroyed;
  }
}

let nextNotificationId = 1;
/** @type {Notification[]} */
export const notifications = [];
export class Notification extends Recorded {
  shown = false;
  constructor(options = {}) {
    const id = nextNotificationId++;
    super('Notification', `Notification#${id}`);
    this.options = options;
    record('new Notification', this.fakeRef, [options]);
    notifications.push(this);
  }
  static isSupported() {
    return process.env.FAKE_ELECTRON_NOTIFICATIONS !== '0';
  }
  show() {
    record('Notification.show', this.fakeRef);
    this.shown = true;
  }
  close() {
    record('Notification.close', this.fakeRef);
  }
  get title() {
    return this.options.title ?? '';
  }
  get body() {
    return this.options.body ?? '';
  }
}

class NativeImage {
  constructor(bytes, source) {
    this.bytes = bytes;
    this.fakeRef = `nativeImage(${source})`;
  }
  isEmpty() {
    return this.bytes.length === 0;
  }
  /** Width and height from a PNG's IHDR chunk (0×0 for anything else). */
  getSize() {
    const b = this.bytes;
    if (b.length < 24 || b.toString('latin1', 1, 4) !== 'PNG') return { width: 0, height: 0 };
    return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
  }
  toPNG() {
    return this.bytes;
  }
  toDataURL() {
    return `data:image/png;base64,${this.bytes.toString('base64')}`;
  }
  resize() {
    return this;
  }
  setTemplateImage(on) {
    this.template = on;
  }
  isTemplateImage() {
    return this.template === true;
  }
}
export const nativeImage = {
  createFromDataURL(url) {
    record('nativeImage.createFromDataURL', undefined, [url]);
    const m = /^data:image\/[a-z+]+;base64,(.*)$/s.exec(url);
    if (!m) warn('nativeImage.createFromDataURL got no base64 image data URL: the image is empty');
    return new NativeImage(m ? Buffer.from(m[1], 'base64') : Buffer.alloc(0), 'dataURL');
  },
  createFromPath(path) {
    record('nativeImage.createFromPath', undefined, [path]);
    return new NativeImage(existsSync(path) ? readFileSync(path) : Buffer.alloc(0), path);
  },
  createFromBuffer(buffer) {
    return new NativeImage(Buffer.from(buffer), 'buffer');
  },
  createEmpty() {
    return new NativeImage(Buffer.alloc(0), 'empty');
  },
};

export const shell = {
  openExternal(url, options) {
    record('shell.openExternal', undefined, options === undefined ? [url] : [url, options]);
    return Promise.resolve();
  },
  openPath(path) {
    record('shell.openPath', undefined, [path]);
    return Promise.resolve('');
  },
  showItemInFolder(path) {
    record('shell.showItemInFolder', undefined, [path]);
  },
  trashItem(path) {
    record('shell.trashItem', undefined, [path]);
    return Promise.resolve();
  },
  beep() {
    record('shell.beep');
  },
};

const answer = () => Number(process.env.FAKE_ELECTRON_DIALOG_RESPONSE ?? 0);
/** Dialogs answer at once (FAKE_ELECTRON_DIALOG_RESPONSE picks the button); an error box counts as an error. */
export const dialog = {
  showErrorBox(title, content) {
    record('dialog.showErrorBox', undefined, [title, content]);
    fail(`error box: ${title}: ${content}`);
  },
  showMessageBox(...args) {
    record('dialog.showMessageBox', undefined, args);
    return Promise.resolve({ response: answer(), checkboxChecked: false });
  },
  showMessageBoxSync(...args) {
    record('dialog.showMessageBoxSync', undefined, args);
    return answer();
  },
  showOpenDialog(...args) {
    record('dialog.showOpenDialog', undefined, args);
    return Promise.resolve({ canceled: true, filePaths: [] });
  },
  showOpenDialogSync(...args) {
    record('dialog.showOpenDialogSync', undefined, args);
    return undefined;
  },
  showSaveDialog(...args) {
    record('dialog.showSaveDialog', undefined, args);
    return Promise.resolve({ canceled: true, filePath: '' });
  },
  showSaveDialogSync(...args) {
    record('dialog.showSaveDialogSync', undefined, args);
    return undefined;
  },
};

export const nativeTheme = Object.assign(new EventEmitter(), {
  shouldUseDarkColors: false,
  shouldUseHighContrastColors: false,
  themeSource: 'system',
});
export const powerMonitor = Object.assign(new EventEmitter(), {
  getSystemIdleTime: () => 0,
  getSystemIdleState: () => 'active',
  isOnBatteryPower: () => false,
});
export const screen = Object.assign(new EventEmitter(), {
  getPrimaryDisplay: () => ({ id: 1, scaleFactor: 1, workAreaSize: { width: 1920, height: 1080 } }),
  getAllDisplays: () => [screen.getPrimaryDisplay()],
  getCursorScreenPoint: () => ({ x: 0, y: 0 }),
});
let clipboardText = '';
export const clipboard = {
  writeText(text) {
    record('clipboard.writeText', undefined, ['[text]']);
    clipboardText = text;
  },
  readText: () => clipboardText,
  clear() {
    clipboardText = '';
  },
};
export const globalShortcut = {
  register(accelerator) {
    record('globalShortcut.register', undefined, [accelerator]);
    return true;
  },
  unregister: () => {},
  unregisterAll: () => {},
  isRegistered: () => false,
};
export const safeStorage = {
  isEncryptionAvailable: () => false,
  encryptString() {
    throw new Error(
      'Error while encrypting the text provided to safeStorage.encryptString. Encryption is not available.',
    );
  },
  decryptString() {
    throw new Error(
      'Error while decrypting the ciphertext provided to safeStorage.decryptString. Decryption is not available.',
    );
  },
};
export const crashReporter = { start: (o) => record('crashReporter.start', undefined, [o]) };
export const systemPreferences = {
  getUserDefault: () => undefined,
  isTrustedAccessibilityClient: () => false,
  getMediaAccessStatus: () => 'not-determined',
};
