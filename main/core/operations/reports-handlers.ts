import type { ItemCost, ItemRef, MarginReport, RunwayReport, SpendReport } from '../../../preload/contract/business';
import type { AccountSnapshot, Capability, VendorId } from '../../../preload/contract/model';
import type { BusinessData } from '../business/business-schema';
import { indexJournal, monthlyCost, snapshotMap } from '../business/cost-basis';
import { dayOf, localZone, monthRange } from '../business/months';
import { marginCsv, runwayCsv, spendCsv } from '../business/reports-csv';
import { marginReport } from '../business/reports-margin';
import { spendReport } from '../business/reports-spend';
import { runwayReport } from '../business/runway';
import { AppFailure } from '../errors';
import type { Handlers } from '../ipc/dispatcher';
import type { AuditRow } from '../renewals/audit';
import type { Operation } from '../renewals/journal';

type ReportChannels = 'reports:margin' | 'reports:spend' | 'reports:runway' | 'reports:itemCosts' | 'reports:csv';

/** What the reports read: all of it local (business file, snapshots, journals, audit log); nothing asks a vendor. */
export interface ReportSources {
  business: () => BusinessData;
  accounts: () => { id: string; label: string; vendor: VendorId; demo?: boolean }[];
  snapshots: () => AccountSnapshot[];
  capabilities: (vendor: VendorId) => ReadonlySet<Capability>;
  operations: () => Operation[];
  audit: () => AuditRow[];
  purchases: () => { accountId: string; reference: string | null; created: readonly string[] }[];
  runwayDays: () => number;
  now: () => Date;
  /** The computer's zone unless a test fixes one. */
  timeZone?: string;
}

const MAX_MONTHS = 120;

function checkRange(q: { from: string; to: string }): void {
  if (q.to < q.from) throw new AppFailure('invalid_argument', 'The last month is before the first one.', 'to');
  if (monthRange(q.from, q.to).length > MAX_MONTHS)
    throw new AppFailure('invalid_argument', `Choose at most ${MAX_MONTHS} months.`, 'from');
}

/** The reports over what the accounts' snapshots and Proxydeck's own records say. */
export function reportsBuilder(src: ReportSources) {
  const zone = () => src.timeZone ?? localZone();
  const margin = (q: { from: string; to: string; convert?: boolean }): MarginReport => {
    checkRange(q);
    return marginReport({
      business: src.business(),
      snapshots: src.snapshots(),
      operations: src.operations(),
      query: q,
      now: src.now(),
      timeZone: zone(),
    });
  };
  const spend = (q: { from: string; to: string }): SpendReport => {
    checkRange(q);
    return spendReport({
      audit: src.audit(),
      snapshots: src.snapshots(),
      accounts: src.accounts(),
      purchases: src.purchases(),
      query: q,
      timeZone: zone(),
    });
  };
  const runway = (): RunwayReport =>
    runwayReport({
      accounts: src.accounts(),
      snapshots: src.snapshots(),
      items: src.business().items,
      operations: src.operations(),
      capabilities: src.capabilities,
      windowDays: src.runwayDays(),
      now: src.now(),
    });
  /** Each item's monthly cost and its source: cost-basis.ts as it is, the journal read once. */
  const itemCosts = (items: readonly ItemRef[]): ItemCost[] => {
    const snapshots = snapshotMap(src.snapshots());
    const ctx = { snapshots, journal: indexJournal(src.operations(), snapshots) };
    return items.map((ref) => {
      const c = monthlyCost(ctx, ref);
      return { key: `${ref.accountId}|${ref.kind}|${ref.id}`, perMonth: c.perMonth, source: c.source };
    });
  };
  return { margin, spend, runway, itemCosts, zone };
}

export function reportsHandlers(src: ReportSources): Pick<Handlers, ReportChannels> {
  const r = reportsBuilder(src);
  return {
    'reports:margin': (q) => r.margin(q),
    'reports:spend': (q) => r.spend(q),
    'reports:runway': () => r.runway(),
    'reports:itemCosts': (q) => r.itemCosts(q.items),
    'reports:csv': (req) => {
      if (req.kind === 'margin') return marginCsv(r.margin(req.query), src.business().customers);
      if (req.kind === 'spend') return spendCsv(r.spend(req.query));
      return runwayCsv(r.runway(), dayOf(src.now(), r.zone()));
    },
  };
}
