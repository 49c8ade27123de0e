import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ARCHIVE_AFTER_DAYS, Journal, OperationSchema } from '../../../main/core/renewals/journal';
import { journalOp } from '../../helpers/journal-op';
import { tempDir } from '../../helpers/tmp';

const DAY = 86_400_000;
let dir: string;
let cleanup: () => void;
let now: Date;
const clock = () => now;
beforeEach(() => {
  ({ dir, cleanup } = tempDir('proxydeck-journal-'));
  now = new Date('2026-01-10T12:00:00.000Z');
});
afterEach(() => cleanup());

describe('journal archive', () => {
  it(`moves settled operations older than ${ARCHIVE_AFTER_DAYS} days to the yearly archive; unresolved and recent ones stay`, () => {
    const j = new Journal(dir, clock);
    const done = j.save(journalOp(now, 'done'));
    const failed = j.save(journalOp(now, 'failed'));
    const uncertain = j.save(journalOp(now, 'uncertain'));
    const sending = j.save(journalOp(now, 'sending'));
    now = new Date(now.getTime() + (ARCHIVE_AFTER_DAYS - 10) * DAY);
    const recent = j.save(journalOp(now, 'done'));

    // Not yet old enough: a restart keeps all five.
    expect(new Journal(dir, clock).list()).toHaveLength(5);

    now = new Date(now.getTime() + 11 * DAY); // the first four are now past the line
    const after = new Journal(dir, clock);
    expect(after.list().map((o) => o.id)).toEqual([uncertain.id, sending.id, recent.id]);
    expect(after.get(done.id)).toBeUndefined();
    // Money that may have moved unseen is never archived, however old.
    expect(after.unresolvedFor('acc', uncertain.items[0]!.target)).toBeDefined();

    const live = readdirSync(join(dir, 'journal')).filter((f) => f.endsWith('.json'));
    expect(live.sort()).toEqual([`${uncertain.id}.json`, `${sending.id}.json`, `${recent.id}.json`].sort());
    const lines = readFileSync(join(dir, 'journal', 'archive', '2026.jsonl'), 'utf8')
      .trimEnd()
      .split('\n');
    const archived = lines.map((l) => OperationSchema.parse(JSON.parse(l)));
    expect(archived.map((o) => o.id)).toEqual([done.id, failed.id]);
    expect(archived[0]).toEqual(done); // the full record, not a summary
    expect(after.problems).toEqual([]);

    // A later start finds nothing more to move and no damaged files.
    const again = new Journal(dir, clock);
    expect(again.list()).toHaveLength(3);
    expect(
      readFileSync(join(dir, 'journal', 'archive', '2026.jsonl'), 'utf8')
        .trimEnd()
        .split('\n'),
    ).toHaveLength(2);
  });

  it('starts without an archive folder when nothing is old', () => {
    const j = new Journal(dir, clock);
    j.save(journalOp(now, 'done'));
    new Journal(dir, clock);
    expect(existsSync(join(dir, 'journal', 'archive'))).toBe(false);
  });
});
