import type { z } from 'zod';
import { type Channel, type ChannelResponses, requestSchemas } from '../../../preload/contract/channels';
import type { AppError, Result } from '../../../preload/contract/errors';
import { VendorError } from '../../vendors/errors';
import { AppFailure } from '../errors';

/** One handler per channel, receiving already-validated arguments. Missing a channel is a type error. */
export type Handlers = {
  [C in Channel]: (...args: z.output<(typeof requestSchemas)[C]>) => Promise<ChannelResponses[C]> | ChannelResponses[C];
};

export interface DispatchLog {
  error(obj: Record<string, unknown>, msg: string): void;
  warn(obj: Record<string, unknown>, msg: string): void;
}

export type Dispatch = (channel: string, args: unknown) => Promise<Result<unknown>>;

const isChannel = (c: string): c is Channel => Object.hasOwn(requestSchemas, c);

/** Turns any thrown value into the typed error the renderer shows; unexpected ones are logged, not shown. */
export function toAppError(e: unknown, log?: DispatchLog, channel?: string): AppError {
  if (e instanceof AppFailure || e instanceof VendorError) return e.toAppError();
  log?.error(
    { channel, err: e instanceof Error ? { name: e.name, message: e.message } : String(e) },
    'unexpected error',
  );
  return {
    code: 'internal',
    message: 'Something went wrong inside Proxydeck. Try again; if it keeps happening, restart the app.',
  };
}

/**
 * The transport-independent IPC entry point: validates the channel name and its arguments with the
 * contract's zod schemas, runs the handler, and answers with a Result (never a thrown Error with
 * internals). Used by the Electron binding and by the browser host alike.
 */
export function createDispatcher(handlers: Handlers, log?: DispatchLog): Dispatch {
  return async (channel, args) => {
    if (!isChannel(channel)) {
      return { ok: false, error: { code: 'invalid_argument', message: 'Unknown request.' } };
    }
    const parsed = requestSchemas[channel].safeParse(args);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      // Path [0, 'label'] → field "label"; the zod messages are written for users.
      const field = issue?.path.filter((p) => typeof p === 'string').join('.') || undefined;
      log?.warn({ channel, field }, 'rejected invalid arguments');
      return {
        ok: false,
        error: {
          code: 'invalid_argument',
          message: issue && !issue.message.startsWith('Invalid') ? issue.message : 'Some of the values are not valid.',
          ...(field ? { field } : {}),
        },
      };
    }
    try {
      const handler = handlers[channel] as (...a: unknown[]) => unknown;
      const data = await handler(...(parsed.data as unknown[]));
      return { ok: true, data };
    } catch (e) {
      return { ok: false, error: toAppError(e, log, channel) };
    }
  };
}
