/**
 * Thordata CDK — traffic redeem codes (vendor file §3.8, C1–C4), documented only on the `api.` host
 * (`api.thordata.com/api`, §1.1), so every call prefers the "legacy" host; reads keep the 404 fallback,
 * writes are sent once to the host resolved first (api.ts).
 *
 *  - C2 list and C4 info are reads (no paging documented: C2 answers every code).
 *  - C3 revoke changes state without money: one POST under the write outcome rule; an unknown outcome is
 *    settled by the caller re-reading C4 (core/operations/traffic-codes.ts).
 *  - C1 create SPENDS the account's traffic: reached only through the purchase path (kind 'codes',
 *    purchase.ts: quote → confirm → journal → sent once → settled by reading C2).
 */
import type { TrafficCode, TrafficCodeList, TrafficCodeStatus } from '../../../preload/contract/traffic-codes';
import { CDK_UNIT_NOTE, mapCreatedCodes, mapTrafficCode, mapTrafficCodes, STATUS_CODE } from './cdk-mappers';
import { ThordataReads } from './reads';

export const CDK_PATHS = {
  create: '/cdk/create',
  list: '/cdk/list',
  revoke: '/cdk/revoke',
  info: '/cdk/info',
} as const;

const CODE = /^[A-Za-z0-9_-]{1,128}$/;

export interface CdkCreateInput {
  /** How many codes (C1 `num`). */
  num: number;
  /** Traffic per code in GB (C1 `flow`; unit not stated by the docs, read as GB). */
  trafficGb: number;
}

export abstract class ThordataCdk extends ThordataReads {
  /** C2 GET /cdk/list, optionally one status (1 unused, 2 used, 3 revoked); with the unit caveat. */
  async listCdks(filter: { status?: TrafficCodeStatus } = {}): Promise<TrafficCodeList> {
    const data = await this.call({
      path: CDK_PATHS.list,
      host: 'legacy',
      ...(filter.status ? { params: { status: STATUS_CODE[filter.status] } } : {}),
    });
    return { codes: this.parse('traffic codes', () => mapTrafficCodes(data)), note: CDK_UNIT_NOTE };
  }

  /** C4 GET /cdk/info: one code with who redeemed it and when. */
  async cdkInfo(code: string): Promise<TrafficCode> {
    const c = this.checkCode(code);
    const data = await this.call({ path: CDK_PATHS.info, host: 'legacy', params: { cdk: c } });
    return this.parse('traffic code', () => mapTrafficCode(data));
  }

  /** C3 POST /cdk/revoke: sent once; throws a documented refusal or `outcome_unknown`. */
  async revokeCdk(code: string): Promise<void> {
    const c = this.checkCode(code);
    await this.serialWrite(async () => {
      const base = await this.writeBase('legacy');
      await this.write(() => this.post({ path: CDK_PATHS.revoke, params: { cdk: c } }, base));
    });
  }

  /**
   * C1 POST /cdk/create: `num` codes of `trafficGb` each; spends the account's traffic. Sent once,
   * never retried; returns the new codes. The window reaches it through `purchase` (purchase.ts).
   */
  async createCdks(input: CdkCreateInput): Promise<string[]> {
    if (!Number.isInteger(input.num) || input.num < 1 || input.num > 1000) {
      throw this.invalid('The number of codes must be a whole number from 1 to 1000.');
    }
    if (!Number.isFinite(input.trafficGb) || input.trafficGb <= 0) {
      throw this.invalid('The traffic per code must be a positive number of GB.');
    }
    return this.serialWrite(async () => {
      const base = await this.writeBase('legacy');
      return this.write(async () => {
        const data = await this.post(
          { path: CDK_PATHS.create, params: { flow: input.trafficGb, num: input.num } },
          base,
        );
        return this.parse('new traffic codes', () => mapCreatedCodes(data));
      });
    });
  }

  private checkCode(code: string): string {
    const c = code.trim();
    if (!CODE.test(c)) throw this.invalid(`"${code}" is not a Thordata traffic code.`);
    return c;
  }
}
