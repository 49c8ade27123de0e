/**
 * `node --import <repo>/test/helpers/fake-electron/register.mjs <app>/out/main/index.js`
 *
 * Maps `electron` to the recording fake for every import (and require) of the process, then starts
 * the fake's controller: a JSON report (FAKE_ELECTRON_REPORT=<file>) or a test's remote control
 * (FAKE_ELECTRON_CONTROL=1 over a fork() IPC channel). See README.md.
 */
import Module, { register } from 'node:module';
import { fileURLToPath } from 'node:url';

register('./hooks.mjs', import.meta.url);

// CommonJS `require('electron')` too (require of an ES module works on Node >= 20.19).
const fakePath = fileURLToPath(new URL('./electron.mjs', import.meta.url));
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === 'electron' || request === 'electron/main') return fakePath;
  return resolveFilename.call(this, request, ...rest);
};

await import('./control.mjs');
