import type {
  Capability,
  ConnectionCheck,
  RenewPeriod,
  RenewQuote,
  RenewResult,
  VendorId,
} from '../../preload/contract/model';
import { VendorError } from './errors';
import type { HttpTransport } from './http/transport';
import { BadField } from './parse';
import type { AutoRenewTarget, VendorClient } from './vendor-client';

/**
 * Defaults for every VendorClient method: `not_supported`. A vendor client extends this and
 * overrides what its API offers, so an unsupported call fails the same plain way everywhere.
 */
export abstract class BaseVendorClient implements Partial<VendorClient> {
  abstract readonly vendor: VendorId;
  abstract readonly capabilities: ReadonlySet<Capability>;
  protected abstract readonly http: HttpTransport;

  protected unsupported(): never {
    throw new VendorError(this.vendor, 'not_supported');
  }

  /** Runs a parser over a vendor payload; an unreadable money/expiry/id field becomes `bad_response`. */
  protected parse<T>(what: string, fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      if (e instanceof BadField) {
        throw this.http.error('bad_response', { message: `${what}: field "${e.field}" could not be read` });
      }
      throw e;
    }
  }

  /** testConnection never throws: it turns any error into a plain sentence. */
  protected async checkWith(read: () => Promise<string>): Promise<ConnectionCheck> {
    try {
      return { ok: true, message: await read() };
    } catch (e) {
      if (e instanceof VendorError) return { ok: false, message: e.message };
      return { ok: false, message: 'The connection test failed for an unexpected reason. Try again.' };
    }
  }

  async listWhitelist(): Promise<never> {
    this.unsupported();
  }
  async addWhitelist(_ips: string[]): Promise<void> {
    this.unsupported();
  }
  async removeWhitelist(_ips: string[]): Promise<void> {
    this.unsupported();
  }
  async listSubUsers(): Promise<never> {
    this.unsupported();
  }
  async createSubUser(): Promise<never> {
    this.unsupported();
  }
  async updateSubUser(): Promise<void> {
    this.unsupported();
  }
  async deleteSubUser(): Promise<void> {
    this.unsupported();
  }
  async listUnlimitedServers(): Promise<never> {
    this.unsupported();
  }
  async listOrders(): Promise<never> {
    this.unsupported();
  }
  async listProxies(): Promise<never> {
    this.unsupported();
  }
  async getTraffic(): Promise<never> {
    this.unsupported();
  }
  async renewalPeriods(_kind: 'order' | 'ip' | 'server'): Promise<RenewPeriod[]> {
    this.unsupported();
  }
  async quoteRenewal(): Promise<RenewQuote> {
    this.unsupported();
  }
  async renew(): Promise<RenewResult> {
    this.unsupported();
  }
  async setAutoRenew(_t: AutoRenewTarget): Promise<void> {
    this.unsupported();
  }
}
