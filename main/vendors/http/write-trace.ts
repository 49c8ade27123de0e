import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Whether a write may have reached the vendor. The transport marks it for every write request whose
 * bytes may have left this machine (anything but a refused connection / failed DNS look-up); the write
 * outcome rule (../write-outcome.ts) reads it to tell "never sent" from "sent, answer not understood".
 */
export interface WriteTrace {
  mayHaveReached: boolean;
}

const traces = new AsyncLocalStorage<WriteTrace>();

export function runTraced<T>(fn: () => Promise<T>): { trace: WriteTrace; result: Promise<T> } {
  const trace: WriteTrace = { mayHaveReached: false };
  return { trace, result: traces.run(trace, fn) };
}

/** Called by the transport when a write may have reached the vendor. */
export function markMayHaveReached(): void {
  const t = traces.getStore();
  if (t) t.mayHaveReached = true;
}
