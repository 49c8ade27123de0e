/**
 * The last health result of each item, in `<dataDir>/health.json` (written atomically, 0600), so the
 * window shows "last checked <when>" after a restart. Checked with zod on read; a damaged file is
 * moved aside and reported (the results start empty, nothing else is lost).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ItemRefSchema, itemKey } from '../../../preload/contract/business';
import { HEALTH_FAILURES, type HealthResult } from '../../../preload/contract/health';
import { writeFileAtomic } from '../renewals/atomic-file';
import { isDiskError } from '../store/disk-health';
import { tryMoveAside } from '../store/open-file';

const Country = z
  .string()
  .regex(/^[A-Z]{2}$/)
  .nullable();

const HealthResultSchema = z
  .object({
    item: ItemRefSchema,
    checkedAt: z.string().datetime(),
    ok: z.boolean(),
    failure: z.enum(HEALTH_FAILURES).nullable(),
    detail: z.string().max(2000).nullable(),
    latencyMs: z.number().int().nonnegative().nullable(),
    exitIp: z.string().max(64).nullable(),
    exitCountry: Country,
    advertisedCountry: Country,
    countryMatches: z.boolean().nullable(),
    slow: z.boolean(),
    nextStep: z.enum(['restartServer', 'replaceIp']).nullable(),
  })
  .strict();

const FileSchema = z.object({ version: z.literal(1), results: z.array(HealthResultSchema) }).strict();

export class HealthResultsStore {
  readonly path: string;
  private readonly results = new Map<string, HealthResult>();
  /** Problems met reading the file, in plain words (shown with the app's notices). */
  readonly notices: string[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    dataDir: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.path = join(dataDir, 'health.json');
    this.load();
  }

  private load(): void {
    if (!existsSync(this.path)) return;
    let parsed: z.infer<typeof FileSchema> | null = null;
    try {
      const r = FileSchema.safeParse(JSON.parse(readFileSync(this.path, 'utf8')));
      if (r.success) parsed = r.data;
    } catch (e) {
      if (isDiskError(e)) {
        this.notices.push('The saved proxy check results could not be read; they start empty this time.');
        return;
      }
    }
    if (parsed) {
      for (const r of parsed.results) this.results.set(itemKey(r.item), r);
      return;
    }
    const moved = tryMoveAside(this.path, 'corrupt', this.now());
    this.notices.push(
      moved
        ? `The saved proxy check results were damaged and were moved to ${moved}. Check your proxies again to see their state.`
        : 'The saved proxy check results were damaged and could not be moved aside. Check your proxies again to see their state.',
    );
  }

  list(): HealthResult[] {
    return [...this.results.values()];
  }

  get(key: string): HealthResult | undefined {
    return this.results.get(key);
  }

  /**
   * Keeps the results and saves them within half a minute (one write for many results: the file of
   * 100,000 results is tens of MB); a run saves at its end too (flush).
   */
  put(results: HealthResult[]): void {
    for (const r of results) this.results.set(itemKey(r.item), r);
    if (!this.timer) {
      this.timer = setTimeout(() => this.flush(), 30_000);
      this.timer.unref?.();
    }
  }

  /** Writes now; a refused write keeps the results in memory (the next put tries again). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    try {
      writeFileAtomic(this.path, `${JSON.stringify({ version: 1, results: this.list() })}\n`);
    } catch (e) {
      if (!isDiskError(e)) throw e;
    }
  }
}
