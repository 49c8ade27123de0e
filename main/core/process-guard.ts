/**
 * The last line of defence of the main process: an unhandled promise rejection or an uncaught
 * exception is logged (through the redacted logger: name, code and message, never the object itself)
 * and shown as one plain notice, and the process keeps running on what it has in memory.
 *
 * Why not exit: Node's default would kill the app (and its tray, reminders, pending saves) over
 * one failed background task. Every money action is journaled before it is sent, so a half-done task
 * cannot pay twice, and Electron itself keeps running after an uncaught exception in main (it only
 * shows a dialog, which this replaces with the notice). The notice tells the user to restart if
 * something looks wrong.
 *
 * Installed by the Electron shell and the browser host, before the core starts.
 */
import { UNEXPECTED_NOTICE } from '../../preload/contract/notices';

export interface GuardLog {
  error(obj: Record<string, unknown>, msg: string): void;
}

export { UNEXPECTED_NOTICE };

/** What is logged of a thrown value: never the object itself (it could carry a request or a key). */
export function describeError(e: unknown): Record<string, unknown> {
  if (e instanceof Error) {
    const code = (e as { code?: unknown }).code;
    return {
      name: e.name,
      message: e.message,
      ...(typeof code === 'string' ? { code } : {}),
      ...(e.stack ? { stack: e.stack.split('\n').slice(0, 8).join('\n') } : {}),
    };
  }
  return { value: typeof e === 'string' ? e : typeof e };
}

type Listener = () => void;

export class ProcessGuard {
  private readonly shown: string[] = [];
  private readonly listeners = new Set<Listener>();
  /** How many problems were caught (tests, diagnostics). */
  caught = 0;

  constructor(private readonly log?: GuardLog) {}

  /** Starts listening on the process; returns a function that stops it. */
  install(proc: NodeJS.Process = process): () => void {
    const onRejection = (reason: unknown) => this.report('unhandledRejection', reason);
    const onException = (error: unknown, origin?: string) => this.report(origin ?? 'uncaughtException', error);
    proc.on('unhandledRejection', onRejection);
    proc.on('uncaughtException', onException);
    return () => {
      proc.off('unhandledRejection', onRejection);
      proc.off('uncaughtException', onException);
    };
  }

  /** Logs and shows one problem. Safe to call from anywhere: it never throws. */
  report(kind: string, e: unknown): void {
    this.caught += 1;
    try {
      this.log?.error({ kind, err: describeError(e) }, 'unexpected error in the main process');
    } catch {
      // a logger that fails must not turn this into a loop
    }
    if (this.shown.includes(UNEXPECTED_NOTICE)) return;
    this.shown.push(UNEXPECTED_NOTICE);
    for (const l of this.listeners) {
      try {
        l();
      } catch {
        // a broken listener (closed window) must not stop the others
      }
    }
  }

  /** The notices to show (AppInfo.notices): one plain sentence, once. */
  notices(): string[] {
    return [...this.shown];
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
