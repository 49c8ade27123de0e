import { describe, expect, it } from 'vitest';
import { RefreshScheduler, type TimerApi } from '../../main/core/refresh/scheduler';

/** A fake clock: `advance(ms)` fires due intervals. */
function fakeTimers() {
  let now = 0;
  const timers = new Map<number, { fn: () => void; ms: number; next: number }>();
  let seq = 0;
  const api: TimerApi = {
    setInterval: (fn, ms) => {
      seq += 1;
      timers.set(seq, { fn, ms, next: now + ms });
      return seq;
    },
    clearInterval: (h) => void timers.delete(h as number),
  };
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const due = [...timers.values()].filter((t) => t.next <= end).sort((a, b) => a.next - b.next)[0];
      if (!due) break;
      now = due.next;
      due.next += due.ms;
      due.fn();
    }
    now = end;
  };
  return { api, advance, count: () => timers.size };
}

describe('RefreshScheduler', () => {
  it('refreshes every N minutes and follows changes of the setting', () => {
    const t = fakeTimers();
    let runs = 0;
    const s = new RefreshScheduler(() => runs++, t.api);
    s.apply(30);
    t.advance(29 * 60_000);
    expect(runs).toBe(0);
    t.advance(60_000);
    expect(runs).toBe(1);
    t.advance(60 * 60_000);
    expect(runs).toBe(3);
    s.apply(30); // unchanged: the running timer is kept
    expect(t.count()).toBe(1);
    s.apply(5);
    t.advance(10 * 60_000);
    expect(runs).toBe(5);
    expect(t.count()).toBe(1);
  });

  it('0 minutes means manual only, and stop() ends it', () => {
    const t = fakeTimers();
    let runs = 0;
    const s = new RefreshScheduler(() => runs++, t.api);
    s.apply(0);
    t.advance(24 * 3_600_000);
    expect(runs).toBe(0);
    s.apply(1);
    t.advance(60_000);
    s.stop();
    t.advance(3_600_000);
    expect(runs).toBe(1);
    expect(t.count()).toBe(0);
  });
});
