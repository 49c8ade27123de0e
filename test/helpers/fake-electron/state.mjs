/**
 * The fake Electron's shared state: the journal of every call (what a test queries), the errors it
 * saw (misuse of an API, uncaught exceptions, error dialogs) and the helpers every fake API uses.
 */
import { EventEmitter } from 'node:events';

/** Internal signals between the fake's parts (a window finished loading: 'loaded'). */
export const bus = new EventEmitter();

/** @type {{seq: number, api: string, target?: string, args: unknown[]}[]} */
export const journal = [];
/** @type {string[]} */
export const errors = [];
/** @type {string[]} */
export const warnings = [];
let seq = 0;

/** Records one call (or one event the fake emitted). Arguments are copied into plain JSON data. */
export function record(api, target, args = []) {
  const entry = { seq: ++seq, api, ...(target ? { target } : {}), args: args.map((a) => plain(a)) };
  journal.push(entry);
  return entry;
}

export function fail(message) {
  errors.push(message);
  record('fake.error', undefined, [message]);
}

export function warn(message) {
  warnings.push(message);
  record('fake.warning', undefined, [message]);
}

/** A JSON copy: functions and fake objects become markers, long strings are cut, cycles are broken. */
export function plain(value, depth = 0, seen = new WeakSet()) {
  if (typeof value === 'function') return '[Function]';
  if (typeof value === 'string') return value.length > 400 ? `${value.slice(0, 120)}…(${value.length} chars)` : value;
  if (typeof value === 'bigint') return `${value}n`;
  if (value === undefined) return null;
  if (value === null || typeof value !== 'object') return value;
  if (typeof value.fakeRef === 'string') return { $ref: value.fakeRef };
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return `[bytes ${value.length}]`;
  if (value instanceof Error) return { $error: value.message };
  if (seen.has(value) || depth > 8) return '[…]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((v) => plain(v, depth + 1, seen));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v, depth + 1, seen)]));
}

/** The event object Electron passes to listeners: preventDefault() decides what happens next. */
export class FakeEvent {
  defaultPrevented = false;
  constructor(extra = {}) {
    Object.assign(this, extra);
  }
  preventDefault() {
    this.defaultPrevented = true;
  }
}

/** An EventEmitter whose listener registrations are journaled (`<kind>.on`, with the event name). */
export class Recorded extends EventEmitter {
  constructor(kind, ref) {
    super();
    this.fakeKind = kind;
    this.fakeRef = ref;
  }
  on(name, listener) {
    record(`${this.fakeKind}.on`, this.fakeRef, [name]);
    return super.on(name, listener);
  }
  addListener(name, listener) {
    return this.on(name, listener);
  }
  /** Emits an event the way Electron would, journaled as `<kind>.emit`; returns the event object. */
  fire(name, event = new FakeEvent(), ...rest) {
    record(`${this.fakeKind}.emit`, this.fakeRef, [name, ...rest]);
    this.emit(name, event, ...rest);
    return event;
  }
}
