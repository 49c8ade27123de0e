/** The fake ipcMain: handlers kept by channel, so a test can invoke one as any sender it likes. */
import { fail, Recorded, record } from './state.mjs';

class IpcMain extends Recorded {
  /** @type {Map<string, Function>} */
  handlers = new Map();
  constructor() {
    super('ipcMain', 'ipcMain');
  }
  handle(channel, listener) {
    record('ipcMain.handle', 'ipcMain', [channel]);
    if (this.handlers.has(channel)) {
      fail(`Attempted to register a second handler for '${channel}'`);
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    }
    this.handlers.set(channel, listener);
  }
  handleOnce(channel, listener) {
    this.handle(channel, async (...args) => {
      this.handlers.delete(channel);
      return listener(...args);
    });
  }
  removeHandler(channel) {
    record('ipcMain.removeHandler', 'ipcMain', [channel]);
    this.handlers.delete(channel);
  }
}

export const ipcMain = new IpcMain();
