/**
 * Thordata Public API client. Auth: `token` + `key` in the query for GET, in headers for POST
 * (form-encoded bodies). Envelope `{code, data, msg}` with code 200 = success and HTTP 200 even for
 * business errors. Plumbing and the two-host rule in api.ts, reads in reads.ts; this file holds the
 * writes, each under the write outcome rule (write-outcome.ts, refusals in refusals.ts).
 *
 * Writes and what they cost: S5 renew and S6 upgrade are PAID (wallet); whitelist add/remove, sub-user
 * create/update/delete and server restart change state without money. There is no ISP/DC renew in the
 * current API (vendor file §3.5, §6.4 #11), so renewalPeriods('ip' | 'order') is not_supported.
 */
import type {
  Capability,
  Money,
  RenewPeriod,
  RenewQuote,
  RenewRequest,
  RenewResult,
  SubUser,
  VendorId,
} from '../../../preload/contract/model';
import { optNum, optStr } from '../parse';
import type { SubUserInput, SubUserPatch, VendorClient, WriteOptions } from '../vendor-client';
import type { WriteOutcome } from '../write-outcome';
import { PATHS, PRODUCT_NAMES, PRODUCTS, type Product, SERVER_RENEW_PERIODS } from './constants';
import { mapBalance, mapPaidOrder, mapSubUser, type PaidOrder, parseSubUserId, subUserRows } from './mappers';
import { checkRenew, quoteFrom, renewResult } from './renew';
import { ThordataResidential } from './residential';
import { ThordataServers } from './servers';

export type { ThordataHosts } from './api';
export { splitRange } from './reads';

export const THORDATA_CAPABILITIES: ReadonlySet<Capability> = new Set<Capability>([
  'balance',
  'trafficBalance',
  'staticIps',
  'traffic',
  'trafficHourly',
  'whitelist',
  'whitelistEdit',
  'subUsers',
  'subUsersEdit',
  'renew',
  'unlimitedServers',
  'trafficCodes',
  'trafficCodesCreate',
  'serverUpgrade',
  'serverMonitor',
  'residential',
]);

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

export class ThordataClient extends ThordataServers implements VendorClient {
  readonly vendor: VendorId = 'thordata';
  readonly capabilities = THORDATA_CAPABILITIES;
  /** Prices Thordata charged in this session per `ins_id|package_id`: the only price data we get. */
  private readonly seenPrices = new Map<string, Money>();

  /** One state-changing POST to the public host (resolved first), under the write outcome rule. */
  private async change(path: string, params: Record<string, string | number>): Promise<void> {
    const base = await this.writeBase('public');
    await this.write(() => this.post({ path, params }, base));
  }

  // ---------- whitelist ----------

  /** A bare IP goes to the residential list; `unlimited:1.2.3.4` (an entry id) to that product's. */
  override async addWhitelist(ips: string[]): Promise<void> {
    const targets = ips.map((s) => this.whitelistTarget(s));
    await this.serialWrite(async () => {
      for (const t of targets) {
        const proxyType = PRODUCTS[t.product ?? 'residential'].whitelistType;
        await this.change(PATHS.whitelistAdd, { proxy_type: proxyType, ip: t.ip, status: 'true' });
      }
    });
  }

  /** A bare IP is removed from every product list that holds it; an entry id from its own list. */
  override async removeWhitelist(ips: string[]): Promise<void> {
    const targets = ips.map((s) => this.whitelistTarget(s));
    const current = targets.some((t) => t.product === null) ? await this.listWhitelist() : [];
    await this.serialWrite(async () => {
      for (const t of targets) {
        const products: Product[] = t.product
          ? [t.product]
          : PRODUCT_NAMES.filter((p) => current.some((e) => e.ip === t.ip && e.id === `${p}:${t.ip}`));
        // Not on any list: ask the residential list anyway so the vendor's own answer is shown.
        for (const p of products.length > 0 ? products : (['residential'] as Product[])) {
          await this.change(PATHS.whitelistDelete, { proxy_type: PRODUCTS[p].whitelistType, ip: t.ip });
        }
      }
    });
  }

  private whitelistTarget(s: string): { product: Product | null; ip: string } {
    const i = s.indexOf(':');
    const product = i > 0 && s.slice(0, i) in PRODUCTS ? (s.slice(0, i) as Product) : null;
    const ip = (product ? s.slice(i + 1) : s).trim();
    if (!IPV4.test(ip)) throw this.invalid(`"${ip}" is not an IPv4 address (Thordata whitelists IPv4 only).`);
    return { product, ip };
  }

  // ---------- sub-users ----------

  /** Creates a residential sub-user (the interface has no product field). Limit rounds up to whole MB. */
  override async createSubUser(input: SubUserInput): Promise<SubUser | null> {
    const limitMb = this.limitToMb(input.limitBytes);
    await this.serialWrite(() =>
      this.change(PATHS.createUser, {
        proxy_type: PRODUCTS.residential.userType,
        username: input.username,
        password: input.password,
        traffic_limit: limitMb,
        status: 'true',
      }),
    );
    // The vendor answers `data: {}`; read the list back for the stored row (a failed read: null).
    const users = await this.subUsersOf('residential').catch(() => []);
    return users.find((u) => u.username === input.username) ?? null;
  }

  /** Thordata rejects partial updates (SDK-py): all four `new_*` fields are sent, unchanged ones from U1. */
  override async updateSubUser(id: string, patch: SubUserPatch): Promise<void> {
    const { product, username } = parseSubUserId(id);
    const limitMb = patch.limitBytes === undefined ? undefined : this.limitToMb(patch.limitBytes);
    const data = await this.userListData(product);
    const row = this.parse('sub-users', () => subUserRows(data)).find((r) => optStr(r.username) === username);
    if (!row) throw this.invalid(`There is no ${PRODUCTS[product].label.toLowerCase()} sub-user "${username}".`);
    const current = this.parse('sub-user', () => mapSubUser(row, product));
    await this.serialWrite(() =>
      this.change(PATHS.updateUser, {
        proxy_type: PRODUCTS[product].userType,
        username,
        new_username: username,
        new_password: patch.password ?? optStr(row.password) ?? '',
        new_traffic_limit: limitMb ?? optNum(row.traffic_limit) ?? 0,
        new_status: String((patch.status ?? current.status) !== 'disabled'),
      }),
    );
  }

  override async deleteSubUser(id: string): Promise<void> {
    const { product, username } = parseSubUserId(id);
    await this.serialWrite(() => this.change(PATHS.deleteUser, { proxy_type: PRODUCTS[product].userType, username }));
  }

  /** Bytes → whole MB (rounded up); null = unlimited (0). Thordata's minimum cap is 100 MB. */
  private limitToMb(bytes: number | null): number {
    if (bytes === null) return 0;
    if (!Number.isFinite(bytes) || bytes <= 0) throw this.invalid('The traffic limit must be positive, or unlimited.');
    const mb = Math.ceil(bytes / 1024 ** 2);
    if (mb < 100) throw this.invalid('Thordata needs a traffic limit of at least 100 MB (or unlimited).');
    return mb;
  }

  // ---------- unlimited servers: renew, upgrade, restart ----------

  override async renewalPeriods(kind: 'order' | 'ip' | 'server'): Promise<RenewPeriod[]> {
    // Only unlimited servers can be renewed through the API (no ISP/DC renew endpoint, §3.5).
    if (kind !== 'server') this.unsupported();
    return SERVER_RENEW_PERIODS;
  }

  /** Thordata has no price check: an estimate (renew.ts `quoteFrom`). */
  override async quoteRenewal(req: RenewRequest): Promise<RenewQuote> {
    const pkg = checkRenew(this.http, req);
    const [servers, wallet] = await Promise.all([
      this.listUnlimitedServers(),
      this.call({ path: PATHS.walletBalance }),
    ]);
    const balance = this.parse('wallet balance', () => mapBalance(wallet, {})).money;
    return quoteFrom(req, pkg, servers, balance, this.seenPrices, this.clock());
  }

  /**
   * S5 POST /unlimited/renew, ONE request per server (the docs take one `ins_id`), on the seed's host,
   * never resent. Each server gets its own request's outcome ('applied' / 'refused' / 'unknown');
   * `charged` sums what Thordata reported (`order_money`) for every applied server. The new expiries are
   * read back from S1 afterwards (outside the writes: a failed read leaves them null, nothing more).
   */
  override async renew(req: RenewRequest, opts: WriteOptions): Promise<RenewResult> {
    const pkg = checkRenew(this.http, req);
    return this.serialWrite(async () => {
      const base = await this.writeBase('legacy');
      const done: { target: RenewRequest['targets'][number]; r: WriteOutcome<PaidOrder> }[] = [];
      for (const target of req.targets) {
        if (opts.signal?.aborted) {
          // Cancelled between servers: the rest is not sent at all, so certainly not applied.
          const error = this.http.error('network', {
            sentence: 'The renewal was cancelled before this server was sent.',
          });
          done.push({ target, r: { outcome: 'refused', error } });
          continue;
        }
        const r = await this.settle(async () => {
          const data = await this.post(
            {
              path: PATHS.renewServer,
              params: { package_id: pkg.packageId, ins_id: target.id },
              ...(opts.signal ? { signal: opts.signal } : {}),
            },
            base,
          );
          return this.parse('renewal order', () => mapPaidOrder(data));
        });
        if (r.outcome === 'applied' && r.value.money)
          this.seenPrices.set(`${target.id}|${pkg.packageId}`, r.value.money);
        done.push({ target, r });
      }
      const servers = done.some((d) => d.r.outcome === 'applied')
        ? await this.listUnlimitedServers().catch(() => [])
        : [];
      return renewResult(done, servers);
    });
  }

  /** S6, planId `<bw_id>:<sv_id>` (see UPGRADE_BANDWIDTHS / UPGRADE_SIZES). Paid, sent once (purchase.ts). */
  async upgradeServer(serverId: string, planId: string, opts: WriteOptions): Promise<void> {
    await this.sendUpgrade(serverId, this.parsePlan(planId), opts);
  }

  /** S2 takes the hostname (`plan_name`), not `ins_id`: looked up (a read, before the write) when given an id. */
  async restartServer(serverId: string): Promise<void> {
    let planName = serverId;
    if (!serverId.includes('.')) {
      const s = (await this.listUnlimitedServers()).find((x) => x.id === serverId);
      if (!s) throw this.invalid(`There is no unlimited server "${serverId}" on this account.`);
      planName = s.ip;
    }
    await this.serialWrite(() => this.change(PATHS.restartServer, { plan_name: planName }));
  }

  // ---------- residential endpoint generator (residential.ts: reads only) ----------

  private residential(): ThordataResidential {
    return new ThordataResidential({
      http: this.http,
      publicBase: this.hosts.publicBase,
      read: (path, params) => this.call({ path, params }),
      parse: (what, fn) => this.parse(what, fn),
      listWhitelist: () => this.listWhitelist(),
      listUnlimitedServers: () => this.listUnlimitedServers(),
    });
  }
  residentialForm: NonNullable<VendorClient['residentialForm']> = () => this.residential().form();
  residentialOptions: NonNullable<VendorClient['residentialOptions']> = (q) => this.residential().options(q);
  generateResidential: NonNullable<VendorClient['generateResidential']> = (r) => this.residential().generate(r);
}
