import type {
  Capability,
  ConnectionCheck,
  Money,
  Order,
  ProxyEndpoint,
  RenewPeriod,
  RenewQuote,
  RenewRequest,
  RenewResult,
  SubUser,
  TrafficSeries,
  UnlimitedServer,
  VendorId,
  WhitelistEntry,
} from '../../preload/contract/model';
import { VendorError } from './errors';
import type { HttpTransport } from './http/transport';
import { formatMoney } from './money-text';
import { BadField } from './parse';
import type {
  AutoRenewTarget,
  SubUserInput,
  SubUserPatch,
  TrafficQuery,
  VendorClient,
  WriteOptions,
} from './vendor-client';
import { type DocumentedRefusals, settleWrite, type WriteOutcome, write } from './write-outcome';

/**
 * Defaults for every VendorClient method: `not_supported`. A vendor client extends this and
 * overrides what its API offers, so an unsupported call fails the same plain way everywhere.
 */
export abstract class BaseVendorClient implements Partial<VendorClient> {
  abstract readonly vendor: VendorId;
  abstract readonly capabilities: ReadonlySet<Capability>;
  protected abstract readonly http: HttpTransport;
  /** The vendor's documented refusals (`<vendor>/refusals.ts`): the only answers that mean "not applied". */
  protected abstract readonly refusals: DocumentedRefusals;
  /** The clock shared with whoever set up this client (tests give the simulator's; the app the real one). */
  protected abstract readonly clock: () => Date;

  /** One write under the write outcome rule (write-outcome.ts): throws a refusal or `outcome_unknown`. */
  protected write<T>(fn: () => Promise<T>): Promise<T> {
    return write(this.vendor, this.refusals, fn);
  }

  /** One write, its outcome returned rather than thrown (several items in one operation). */
  protected settle<T>(fn: () => Promise<T>): Promise<WriteOutcome<T>> {
    return settleWrite(this.vendor, this.refusals, fn);
  }

  protected unsupported(): never {
    throw new VendorError(this.vendor, 'not_supported');
  }

  /** Runs a parser over a vendor payload; an unreadable money/expiry/id field becomes `bad_response`. */
  protected parse<T>(what: string, fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      if (e instanceof BadField) {
        // Proxydeck's own words (a detail), never quoted as the vendor's.
        throw this.http.error('bad_response', { detail: `The ${what} field "${e.field}" could not be read.` });
      }
      throw e;
    }
  }

  /**
   * testConnection never throws: it turns any error into a plain sentence with its code. `read`
   * returns the English sentence plus the figures it names, so the renderer can say it in any language.
   */
  protected async checkWith(read: () => Promise<Omit<ConnectionCheck, 'ok' | 'code'>>): Promise<ConnectionCheck> {
    // Every message is redacted once more: a check's answer goes straight to the window.
    try {
      const done = await read();
      return { ok: true, ...done, message: this.http.redact(done.message) };
    } catch (e) {
      if (e instanceof VendorError)
        return {
          ok: false,
          code: e.code,
          message: this.http.redact(e.message),
          ...(e.field ? { field: e.field } : {}),
        };
      return {
        ok: false,
        code: 'internal',
        message: 'The connection test failed for an unexpected reason. Try again.',
      };
    }
  }

  /** The usual success result: "Connected." plus the money balance when the vendor reports one. */
  protected connected(balance: Money | null): Omit<ConnectionCheck, 'ok' | 'code'> {
    return balance
      ? { message: `Connected. Balance ${formatMoney(balance)}.`, balance }
      : { message: 'Connected.', balance: null };
  }

  // Defaults typed with VendorClient's own signatures, so subclasses override them as declared.
  async listWhitelist(): Promise<WhitelistEntry[]> {
    this.unsupported();
  }
  async addWhitelist(_ips: string[]): Promise<void> {
    this.unsupported();
  }
  async removeWhitelist(_ips: string[], _opts?: { verifyCode?: string; verifyType?: string }): Promise<void> {
    this.unsupported();
  }
  async listSubUsers(): Promise<SubUser[]> {
    this.unsupported();
  }
  async createSubUser(_input: SubUserInput): Promise<SubUser | null> {
    this.unsupported();
  }
  async updateSubUser(_id: string, _patch: SubUserPatch): Promise<void> {
    this.unsupported();
  }
  async deleteSubUser(_id: string): Promise<void> {
    this.unsupported();
  }
  async listUnlimitedServers(): Promise<UnlimitedServer[]> {
    this.unsupported();
  }
  async listOrders(): Promise<Order[]> {
    this.unsupported();
  }
  async listProxies(): Promise<ProxyEndpoint[]> {
    this.unsupported();
  }
  async getTraffic(_q: TrafficQuery): Promise<TrafficSeries[]> {
    this.unsupported();
  }
  async renewalPeriods(_kind: 'order' | 'ip' | 'server'): Promise<RenewPeriod[]> {
    this.unsupported();
  }
  async quoteRenewal(_req: RenewRequest): Promise<RenewQuote> {
    this.unsupported();
  }
  async renew(_req: RenewRequest, _opts: WriteOptions): Promise<RenewResult> {
    this.unsupported();
  }
  async setAutoRenew(_t: AutoRenewTarget): Promise<void> {
    this.unsupported();
  }
}
