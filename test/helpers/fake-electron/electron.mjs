/**
 * A recording stand-in for the `electron` module of the main process, for running a built main bundle
 * in plain Node (see README.md). Named exports as Electron's, and the same object as default export
 * (electron-store does `import electron from 'electron'`).
 */
import { app } from './app.mjs';
import { ipcMain } from './ipc.mjs';
import { net, protocol, session } from './session.mjs';
import {
  clipboard,
  crashReporter,
  dialog,
  globalShortcut,
  Menu,
  MenuItem,
  Notification,
  nativeImage,
  nativeTheme,
  powerMonitor,
  safeStorage,
  screen,
  shell,
  systemPreferences,
  Tray,
} from './ui.mjs';
import { BrowserWindow, webContents } from './windows.mjs';

// What Electron's main process reports about itself (electron-store asks `process.type`).
if (process.type === undefined) process.type = 'browser';

export {
  app,
  BrowserWindow,
  clipboard,
  crashReporter,
  dialog,
  globalShortcut,
  ipcMain,
  Menu,
  MenuItem,
  Notification,
  nativeImage,
  nativeTheme,
  net,
  powerMonitor,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  systemPreferences,
  Tray,
  webContents,
};

export default {
  app,
  BrowserWindow,
  clipboard,
  crashReporter,
  dialog,
  globalShortcut,
  ipcMain,
  Menu,
  MenuItem,
  Notification,
  nativeImage,
  nativeTheme,
  net,
  powerMonitor,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  systemPreferences,
  Tray,
  webContents,
};
