/**
 * Background refresh every `refreshIntervalMin` minutes (0 = manual only), re-armed whenever the
 * setting changes. Timers are injected so tests can run it with a fake clock.
 */
export interface TimerApi {
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

const realTimers: TimerApi = {
  setInterval: (fn, ms) => {
    const t = setInterval(fn, ms);
    t.unref?.(); // never keep the process alive for a refresh
    return t;
  },
  clearInterval: (h) => clearInterval(h as ReturnType<typeof setInterval>),
};

export class RefreshScheduler {
  private handle: unknown = null;
  private minutes = 0;

  constructor(
    private readonly refreshAll: () => void,
    private readonly timers: TimerApi = realTimers,
  ) {}

  /** Applies an interval in minutes; the same value twice keeps the running timer. */
  apply(minutes: number): void {
    if (minutes === this.minutes && (this.handle !== null || minutes === 0)) return;
    this.stop();
    this.minutes = minutes;
    if (minutes > 0) this.handle = this.timers.setInterval(this.refreshAll, minutes * 60_000);
  }

  stop(): void {
    if (this.handle !== null) this.timers.clearInterval(this.handle);
    this.handle = null;
  }
}
