import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import pino, { type Logger } from 'pino';

/**
 * The main-process log (pino). Field names that could hold a secret are censored wherever they
 * appear; vendor clients additionally scrub key values out of URLs and messages before logging.
 * Nothing here ever receives a credential object on purpose: this is the second line of defence.
 */
export const REDACT_PATHS = [
  'credentials',
  '*.credentials',
  'password',
  '*.password',
  'token',
  '*.token',
  'key',
  '*.key',
  'apiKey',
  '*.apiKey',
  'appKey',
  '*.appKey',
  'app_key',
  '*.app_key',
  'authorization',
  '*.authorization',
  'headers',
  '*.headers',
];

export type AppLogger = Logger;

/** Logs to a file (main.log under the app's data folder) or, without a file, nowhere. */
export function createLogger(opts: { file?: string; level?: string } = {}): AppLogger {
  const options = { level: opts.level ?? 'info', redact: { paths: REDACT_PATHS, censor: '[redacted]' } };
  if (!opts.file) return pino({ ...options, enabled: false });
  mkdirSync(dirname(opts.file), { recursive: true });
  return pino(options, pino.destination({ dest: opts.file, sync: true, mkdir: true }));
}
