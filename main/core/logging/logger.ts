import { closeSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import pino, { type DestinationStream, type Logger } from 'pino';
import { classify, isDiskError } from '../store/disk-health';
import { ensurePrivateDir, makePrivate, PRIVATE_FILE } from '../store/private-files';

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

/** Where lines go when the log file cannot be written (tests pass their own). */
export interface Fallback {
  write(text: string): unknown;
}

/** How often a log file that could not be opened is tried again. */
const REOPEN_MS = 60_000;

/**
 * The log file (private, 0600 in a 0700 folder), or stderr while it cannot be written: a read-only
 * or full data folder, or one Proxydeck may not write to, must never stop the app from starting.
 * Writes are synchronous (as pino.destination({sync: true}) was), so no line is lost in a crash.
 */
export class FileDestination implements DestinationStream {
  private fd: number | null = null;
  private triedAt = 0;
  /** Why the file is not used, e.g. "EROFS"; null while logging to the file. */
  problem: string | null = null;

  constructor(
    private readonly file: string,
    private readonly fallback: Fallback = process.stderr,
  ) {
    this.open();
    if (this.problem) {
      this.toFallback(
        `Proxydeck cannot write its log file ${file} (${this.problem}); logging to the terminal instead.\n`,
      );
    }
  }

  write(line: string): void {
    if (this.fd === null && Date.now() - this.triedAt > REOPEN_MS) this.open();
    if (this.fd !== null) {
      try {
        writeSync(this.fd, line);
        return;
      } catch (e) {
        this.problem = code(e); // e.g. the disk filled up: this line goes to stderr, the next tries again
      }
    }
    this.toFallback(line);
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  private open(): void {
    this.triedAt = Date.now();
    try {
      ensurePrivateDir(dirname(this.file));
      this.fd = openSync(this.file, 'a', PRIVATE_FILE);
      makePrivate(this.file); // a log written by an older version was 0644
      this.problem = null;
    } catch (e) {
      this.fd = null;
      this.problem = code(e);
    }
  }

  private toFallback(text: string): void {
    try {
      this.fallback.write(text);
    } catch {
      // nowhere left to write: drop the line rather than the app
    }
  }
}

/** The error's code, with `mkdir -p`'s ENOENT on a read-only disk told apart (disk-health.ts). */
const code = (e: unknown) =>
  isDiskError(e)
    ? classify(e).code
    : ((e as { code?: string } | null)?.code ?? (e instanceof Error ? e.message : String(e)));

/** Logs to a file (main.log under the app's data folder), stderr when it cannot, or without a file nowhere. */
export function createLogger(opts: { file?: string; level?: string; fallback?: Fallback } = {}): AppLogger {
  const options = { level: opts.level ?? 'info', redact: { paths: REDACT_PATHS, censor: '[redacted]' } };
  if (!opts.file) return pino({ ...options, enabled: false });
  return pino(options, new FileDestination(opts.file, opts.fallback));
}
