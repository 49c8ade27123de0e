/**
 * Thordata on the purchase path (preload/contract/purchases.ts, main/core/purchases): the two paid tools
 * its API has — S6 server upgrade (kind 'upgrade', capability 'serverUpgrade', paid from the wallet) and
 * C1 traffic codes (kind 'codes', capability 'trafficCodesCreate', paid with the account's residential
 * traffic). Thordata's API cannot buy plans (no ISP/DC/residential purchase endpoint, vendor file §6.4
 * #11), so the catalog has no products and points at the Thordata website instead.
 *
 *  - No price check exists for either: quotes have `total: null`, `vendorQuoted: false`.
 *  - Each purchase is ONE request, never resent (api.ts `writeBase` + write-outcome.ts). An unknown
 *    outcome is settled by the core reading `purchaseEvidence`: S1 (the server's plan) for an upgrade,
 *    C2 (every code) for codes.
 *  - Requests the docs (or the contract) make invalid are refused here before anything is sent.
 */

import type { UnlimitedServer } from '../../../preload/contract/model';
import type {
  PurchaseCatalog,
  PurchaseEvidence,
  PurchaseOptionField,
  PurchaseRequest,
  PurchaseWarning,
  VendorPurchaseAnswer,
  VendorPurchaseQuote,
} from '../../../preload/contract/purchases';
import type { WriteOptions } from '../vendor-client';
import { ThordataCdk } from './cdk';
import { CDK_TRAFFIC_UNIT_BYTES, CDK_UNIT_NOTE } from './cdk-mappers';
import { PATHS, UPGRADE_BANDWIDTHS, UPGRADE_SIZES } from './constants';
import { mapBalance, mapPaidOrder, type PaidOrder } from './mappers';

/**
 * Thordata documents no purchase page URL (only the dashboard's My Account page, §1.2): the dashboard's
 * home, where its products are bought.
 */
export const VENDOR_PURCHASE_PAGE = 'https://dashboard.thordata.com/';
export const VENDOR_PAGE_REASON =
  "Thordata's API cannot buy ISP, datacenter or residential plans; buy them on the Thordata website, then refresh.";
export const UPGRADE_PRICE_NOTE =
  'Thordata does not tell the price of a server upgrade in advance: it charges its own price for the change from your wallet and shows it only afterwards.';
/** The contract's bounds for kind 'codes' (CodesPurchaseSchema). */
export const CODES_MAX_COUNT = 100;
export const CODES_MAX_GB = 100_000;

type Upgrade = Extract<PurchaseRequest, { kind: 'upgrade' }>;
type Codes = Extract<PurchaseRequest, { kind: 'codes' }>;

export interface UpgradePlan {
  bwId: number;
  svId: number;
}

/** "8vCPU 16GiB" (S1 / the table) → "8 vCPU/16 GiB"; anything else as it is. */
export function sizeLabel(s: string): string {
  const m = /^\s*(\d+)\s*vCPU\s*(\d+)\s*GiB\s*$/i.exec(s);
  return m ? `${m[1]} vCPU/${m[2]} GiB` : s.trim();
}

/** "400 Mbps · 16 vCPU/32 GiB" */
export function planLabel(p: UpgradePlan): string {
  return `${UPGRADE_BANDWIDTHS[p.bwId]} Mbps · ${sizeLabel(UPGRADE_SIZES[p.svId] ?? '')}`;
}

/** The evidence item of a server's plan as S1 shows it: `plan=<bandwidth>|<server>`. */
export function planItem(s: Pick<UnlimitedServer, 'bandwidth' | 'spec'>): string {
  return `plan=${(s.bandwidth ?? '').trim()}|${(s.spec ?? '').trim()}`;
}

const mbps = (v: string | null): number | null => {
  const m = v ? /^\s*(\d+)\s*M/i.exec(v) : null;
  return m ? Number(m[1]) : null;
};
/** S1's "200Mbps" → "200 Mbps"; anything else as it is. */
const bwLabel = (v: string | null): string => {
  const n = mbps(v);
  return n === null ? (v ?? '?') : `${n} Mbps`;
};
const vcpus = (v: string | null): number | null => {
  const m = v ? /^\s*(\d+)\s*vCPU/i.exec(v) : null;
  return m ? Number(m[1]) : null;
};
const sizeKey = (v: string | null): string => (v ? sizeLabel(v).replace(/\s+/g, '').toLowerCase() : '');

/** Whether the server already has this plan (S1's strings compared with the table's). */
function samePlan(s: UnlimitedServer, p: UpgradePlan): boolean {
  return mbps(s.bandwidth) === UPGRADE_BANDWIDTHS[p.bwId] && sizeKey(s.spec) === sizeKey(UPGRADE_SIZES[p.svId] ?? '');
}

/** Smaller than now in bandwidth or size (the docs do not say whether Thordata accepts that). */
function smallerPlan(s: UnlimitedServer, p: UpgradePlan): boolean {
  const bw = mbps(s.bandwidth);
  const cur = vcpus(s.spec);
  const next = vcpus(UPGRADE_SIZES[p.svId] ?? null);
  return (bw !== null && (UPGRADE_BANDWIDTHS[p.bwId] ?? 0) < bw) || (cur !== null && next !== null && next < cur);
}

const gbText = (gb: number): string => `${Number(gb.toFixed(2))} GB`;

export abstract class ThordataPurchases extends ThordataCdk {
  async purchaseCatalog(accountId: string): Promise<PurchaseCatalog> {
    const bandwidth: PurchaseOptionField = {
      key: 'bandwidth',
      label: 'Bandwidth',
      required: true,
      choices: Object.entries(UPGRADE_BANDWIDTHS).map(([id, m]) => ({ value: id, label: `${m} Mbps` })),
      products: null,
      help: 'Server upgrade: the bandwidth id (the plan sent is "<bandwidth id>:<server size id>").',
    };
    const size: PurchaseOptionField = {
      key: 'serverSize',
      label: 'Server size',
      required: true,
      choices: Object.entries(UPGRADE_SIZES).map(([id, s]) => ({ value: id, label: sizeLabel(s) })),
      products: null,
      help: 'Server upgrade: the server size id (the plan sent is "<bandwidth id>:<server size id>").',
    };
    return {
      accountId,
      vendor: 'thordata',
      products: [],
      options: [bandwidth, size],
      promoCodeAllowed: false,
      promoCodes: null,
      topUpBonus: null,
      vendorPage: { url: VENDOR_PURCHASE_PAGE, reason: VENDOR_PAGE_REASON },
      notes: [UPGRADE_PRICE_NOTE, 'Traffic codes are paid with your residential traffic, not money.'],
      fetchedAt: this.clock().toISOString(),
    };
  }

  async quotePurchase(req: PurchaseRequest): Promise<VendorPurchaseQuote> {
    if (req.kind === 'upgrade') return this.quoteUpgrade(req);
    if (req.kind === 'codes') return this.quoteCodes(req);
    return this.notBuyable();
  }

  async purchase(req: PurchaseRequest, opts: WriteOptions): Promise<VendorPurchaseAnswer> {
    if (req.kind === 'upgrade') {
      const plan = this.parsePlan(req.planId);
      // A read BEFORE the write: an unknown server or the plan it already has is refused, nothing sent.
      const s = await this.upgradeTarget(req.serverId);
      if (samePlan(s, plan)) throw this.invalid(this.sameWords(s, plan));
      const order = await this.sendUpgrade(req.serverId, plan, opts);
      return { reference: order.orderId, charged: order.money, created: [], message: null };
    }
    if (req.kind === 'codes') {
      this.checkCodes(req);
      const codes = await this.createCdks({ num: req.count, trafficGb: req.trafficGb });
      return { reference: null, charged: null, created: codes.map((c) => `cdk:${c}`), message: null };
    }
    return this.notBuyable();
  }

  /**
   * Upgrade: S1's plan of that server. `immediate: false` — the docs (§6.4 #11) say to re-read S1 to
   * confirm an upgrade but not whether the new size shows at once (a resize may take a while), so an
   * unchanged row does not prove nothing was bought. Codes: every code of C2 (all statuses); a created
   * code is in the vendor's list at once (C1 answers the codes themselves), so `immediate: true`.
   */
  async purchaseEvidence(req: PurchaseRequest): Promise<PurchaseEvidence> {
    if (req.kind === 'upgrade') {
      const s = (await this.listUnlimitedServers()).find((x) => x.id === req.serverId);
      return { items: s ? [planItem(s)] : [], immediate: false };
    }
    if (req.kind === 'codes') {
      const list = await this.listCdks();
      return { items: list.codes.map((c) => `cdk:${c.code}`), immediate: true };
    }
    return this.notBuyable();
  }

  /** S6 POST /unlimited/upgrade, sent once to the resolved public host; the order Thordata answered. */
  protected async sendUpgrade(serverId: string, plan: UpgradePlan, opts: WriteOptions): Promise<PaidOrder> {
    return this.serialWrite(async () => {
      const base = await this.writeBase('public');
      return this.write(async () => {
        const data = await this.post(
          {
            path: PATHS.upgradeServer,
            params: { ins_id: serverId, bw_id: plan.bwId, sv_id: plan.svId },
            ...(opts.signal ? { signal: opts.signal } : {}),
          },
          base,
        );
        return this.parse('upgrade order', () => mapPaidOrder(data));
      });
    });
  }

  /** `"<bw_id>:<sv_id>"` per UPGRADE_BANDWIDTHS / UPGRADE_SIZES; anything else is refused before sending. */
  protected parsePlan(planId: string): UpgradePlan {
    const m = /^(\d+):(\d+)$/.exec(planId.trim());
    const bwId = m ? Number(m[1]) : Number.NaN;
    const svId = m ? Number(m[2]) : Number.NaN;
    if (!(bwId in UPGRADE_BANDWIDTHS) || !(svId in UPGRADE_SIZES)) {
      throw this.invalid(`The upgrade plan "${planId}" must be "<bandwidth id>:<server size id>", for example "3:5".`);
    }
    return { bwId, svId };
  }

  private async quoteUpgrade(req: Upgrade): Promise<VendorPurchaseQuote> {
    const plan = this.parsePlan(req.planId);
    const [servers, wallet] = await Promise.all([
      this.listUnlimitedServers(),
      this.call({ path: PATHS.walletBalance }),
    ]);
    const balance = this.parse('wallet balance', () => mapBalance(wallet, {})).money;
    const s = servers.find((x) => x.id === req.serverId);
    const warnings: PurchaseWarning[] = [];
    if (!s) warnings.push({ code: 'unknown_server', message: this.unknownWords(req.serverId), blocking: true });
    else if (samePlan(s, plan)) warnings.push({ code: 'same_plan', message: this.sameWords(s, plan), blocking: true });
    else if (smallerPlan(s, plan)) {
      warnings.push({
        code: 'smaller_plan',
        message: `This is smaller than what ${s.ip} has now (${bwLabel(s.bandwidth)} · ${sizeLabel(s.spec ?? '?')}). Thordata may refuse a smaller plan.`,
        blocking: false,
      });
    }
    if (balance && balance.minor <= 0) {
      warnings.push({
        code: 'insufficient_funds',
        message: 'Your Thordata wallet is empty. Top up at Thordata, then try again.',
        blocking: true,
      });
    }
    warnings.push({ code: 'price_unknown', message: UPGRADE_PRICE_NOTE, blocking: false });
    const summary = `Upgrade ${s?.ip ?? req.serverId} to ${planLabel(plan)}`;
    const now = s ? `${bwLabel(s.bandwidth)} · ${sizeLabel(s.spec ?? '?')}` : null;
    return {
      total: null,
      vendorQuoted: false,
      lines: [{ label: now ? `Now ${now} → ${planLabel(plan)}` : summary, amount: null }],
      balance,
      warnings,
      promo: null,
      summary,
      spends: 'money',
    };
  }

  private async quoteCodes(req: Codes): Promise<VendorPurchaseQuote> {
    this.checkCodes(req);
    // A1 traffic balance, units as the README says (MB per the docs): bytes.
    const traffic = await this.call({ path: PATHS.trafficBalance });
    const left = this.parse('traffic balance', () => mapBalance({}, traffic)).trafficRemainingBytes;
    const needGb = req.count * req.trafficGb;
    const need = needGb * CDK_TRAFFIC_UNIT_BYTES;
    const warnings: PurchaseWarning[] = [];
    if (left === null) {
      warnings.push({
        code: 'traffic_unknown',
        message: 'Thordata did not say how much traffic is left; it refuses the codes if there is not enough.',
        blocking: false,
      });
    } else if (left < need) {
      warnings.push({
        code: 'insufficient_traffic',
        message: `These codes need ${gbText(needGb)} of traffic, but the account has ${gbText(left / CDK_TRAFFIC_UNIT_BYTES)} left. Create fewer or smaller codes, or buy traffic at Thordata.`,
        blocking: true,
      });
    }
    warnings.push({ code: 'units', message: CDK_UNIT_NOTE, blocking: false });
    const codes = req.count === 1 ? '1 traffic code' : `${req.count} traffic codes`;
    const summary = `${codes} × ${gbText(req.trafficGb)} (${gbText(needGb)} of traffic)`;
    const line =
      left === null ? summary : `${gbText(needGb)} of traffic from the ${gbText(left / CDK_TRAFFIC_UNIT_BYTES)} left`;
    return {
      total: null,
      vendorQuoted: false,
      lines: [{ label: line, amount: null }],
      balance: null,
      warnings,
      promo: null,
      summary,
      spends: 'traffic',
    };
  }

  /**
   * The contract's bounds (1–100 codes), and whole GB: the docs give `flow` as a number with whole
   * examples (2, 3) and no unit, so a fraction might be refused or rounded by Thordata.
   */
  private checkCodes(req: Codes): void {
    if (!Number.isInteger(req.count) || req.count < 1 || req.count > CODES_MAX_COUNT) {
      throw this.invalid(`The number of codes must be a whole number from 1 to ${CODES_MAX_COUNT}.`);
    }
    if (!Number.isInteger(req.trafficGb) || req.trafficGb < 1 || req.trafficGb > CODES_MAX_GB) {
      throw this.invalid(`The traffic per code must be a whole number of GB from 1 to ${CODES_MAX_GB}.`);
    }
  }

  private async upgradeTarget(serverId: string): Promise<UnlimitedServer> {
    const s = (await this.listUnlimitedServers()).find((x) => x.id === serverId);
    if (!s) throw this.invalid(this.unknownWords(serverId));
    return s;
  }

  private unknownWords(serverId: string): string {
    return `There is no unlimited server "${serverId}" on this Thordata account. Refresh the account and pick the server again.`;
  }

  private sameWords(s: UnlimitedServer, plan: UpgradePlan): string {
    return `${s.ip} already has ${planLabel(plan)}. Pick a different bandwidth or server size.`;
  }

  private notBuyable(): never {
    throw this.http.error('not_supported', { detail: VENDOR_PAGE_REASON });
  }
}
