import { diskFix, diskReason } from '../../../preload/contract/notices';
import { AppFailure } from '../errors';
import { classify, type DiskError } from '../store/disk-health';
import type { JournalItem, Operation } from './journal';

/**
 * What the journal does when the disk refuses one of its records (journal.ts `save`). The journal is
 * what makes "never pays twice" survive a crash, so its rules are stricter than the other files':
 *
 *  - a record that must be on disk BEFORE the request leaves (a new operation, 'intent' → 'sending')
 *    is refused: the save throws a plain storage error and the renewal is not sent. Nothing is paid;
 *  - a record of what happened AFTER sending (the vendor's answer, a reconcile, the user's check) is
 *    never lost: it is kept in memory and written when the disk accepts it again. Until then every
 *    item whose disk record still says 'sending' / 'uncertain' stays 'uncertain' in memory too, so
 *    it is blocked from being renewed again exactly as it would be after a restart.
 */

/** True when this record must reach the disk before anything is sent (so a failed write stops the send). */
export function mustReachDisk(next: Operation, onDisk: Operation | undefined): boolean {
  if (!onDisk) return true;
  return next.items.some((i) => {
    if (i.state !== 'intent' && i.state !== 'sending') return false;
    return stateOn(onDisk, i) !== i.state;
  });
}

const stateOn = (op: Operation, item: JournalItem) =>
  op.items.find((d) => d.target.kind === item.target.kind && d.target.id === item.target.id)?.state;

/** The in-memory copy while an after-sending record is not on disk: settled items stay blocked. */
export function blockedView(intended: Operation, onDisk: Operation, e: DiskError): Operation {
  const { kind, code } = classify(e);
  const items = intended.items.map((i): JournalItem => {
    const was = stateOn(onDisk, i);
    if ((was !== 'sending' && was !== 'uncertain') || (i.state !== 'done' && i.state !== 'failed')) return i;
    const answer =
      i.state === 'done' ? 'The vendor renewed this' : `The vendor did not renew this (${i.message ?? 'refused'})`;
    return {
      ...i,
      state: 'uncertain',
      message:
        `${answer}, but Proxydeck could not save that in its journal yet: ${diskReason(kind, code)}. ` +
        `It stays blocked from renewing again until it is saved. ${diskFix(kind)}; Proxydeck will try again by itself.`,
    };
  });
  return { ...intended, items, state: items.some((i) => i.state === 'uncertain') ? 'uncertain' : intended.state };
}

/** The in-memory copy when the 'sending' record could not be written: nothing was sent. */
export function notSentView(op: Operation, e: DiskError): Operation {
  const message = notSentMessage(op, e);
  const items = op.items.map(
    (i): JournalItem => (i.state === 'intent' || i.state === 'sending' ? { ...i, state: 'failed', message } : i),
  );
  return { ...op, items, state: items.every((i) => i.state === 'failed') ? 'failed' : 'partial' };
}

function notSentMessage(op: Operation, e: DiskError): string {
  const { kind, code } = classify(e);
  return (
    `Not sent: Proxydeck could not write the renewal to its journal first (${diskReason(kind, code)}), ` +
    `so the renewal at ${op.accountLabel} was not sent and nothing was paid. ${diskFix(kind)}, then renew again.`
  );
}

/** The error a refused before-sending record throws. */
export function notSentFailure(op: Operation, e: DiskError): AppFailure {
  return new AppFailure('storage', notSentMessage(op, e));
}
