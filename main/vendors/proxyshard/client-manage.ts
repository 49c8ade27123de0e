/**
 * ProxyShard writes that move no money: residential sub-users, auto-renewal, order tags and the billing
 * cycle (doc §3.1 #3: change-billing-cycle charges nothing; it sets the price of the next renewal).
 * Each vendor request goes through `writeOnce` (the write outcome rule); reads in between stay outside.
 */
import type { Money, SubUser } from '../../../preload/contract/model';
import type { DropItem, OrderIpTools, SignatureItem } from '../../../preload/contract/order-tools';
import { VendorError } from '../errors';
import { optMoney, optNum } from '../parse';
import type { AutoRenewTarget, SubUserInput, SubUserPatch } from '../vendor-client';
import { ProxyshardReads } from './client-reads';
import { mapSubUser, orderDetailOf, parseSubUserKey, subUserRowsOf, type Tier } from './mappers';
import { mapIpSignatures, planDrops, planSignatures, slotsOf } from './signatures';
import { bytesToWholeGb, CURRENCY } from './units';

export abstract class ProxyshardManage extends ProxyshardReads {
  /**
   * POST /proxies/sub-user?proxy_type=…, body {name, data: whole GB}. The pool is taken from a
   * `standart:`/`premium:` prefix of the username, else the first pool the account has. ProxyShard
   * generates the password itself: a password in the input is not used.
   */
  override async createSubUser(input: SubUserInput): Promise<SubUser | null> {
    if (input.limitBytes === null) {
      throw this.http.error('invalid_argument', {
        detail: 'ProxyShard sub-users need a traffic amount in GB; unlimited is not offered.',
      });
    }
    const prefixed = /^(standart|premium):(.+)$/.exec(input.username.trim());
    const name = (prefixed ? prefixed[2]! : input.username).trim();
    if (!name) throw this.http.error('invalid_argument', { detail: 'The sub-user needs a name.' });
    let tier = prefixed ? (prefixed[1] as Tier) : null;
    if (!tier) {
      const tiers = await this.tiersSetUp();
      tier = tiers[0] ?? null;
      if (!tier) {
        throw this.http.error('invalid_argument', {
          sentence: 'This ProxyShard account has no residential plan, so it cannot have sub-users.',
        });
      }
    }
    const chosen = tier;
    const gb = bytesToWholeGb(input.limitBytes);
    return this.writeOnce(
      'POST',
      '/proxies/sub-user',
      { query: { proxy_type: chosen }, json: { name, data: gb } },
      (a) =>
        this.parse('sub-user', () => {
          // Doc §3.3 #23: `data: [ {user_id, ...} ]`. A success without the new user cannot be read.
          const row = subUserRowsOf(a)[0];
          if (!row) throw this.http.error('bad_response', { detail: 'The answer did not include the new sub-user.' });
          return mapSubUser(row, chosen);
        }),
    );
  }

  /**
   * Rename (`username`, a ProxyShard extension of the patch), traffic limit (moved in whole GB with
   * data/add or data/subtract), and password regeneration (`password: ''`: ProxyShard cannot set a
   * chosen password). Status and notes do not exist at ProxyShard. Each part is its own vendor write,
   * in that order; the first that is refused or unknown stops the rest.
   */
  override async updateSubUser(id: string, patch: SubUserPatch & { username?: string }): Promise<void> {
    const tier = this.tierOf(id);
    const { userId } = parseSubUserKey(id);
    const path = `/proxies/sub-user/${encodeURIComponent(userId)}`;
    if (patch.status !== undefined || (patch.note !== undefined && patch.note !== null)) {
      throw this.http.error('not_supported', {
        detail: 'ProxyShard sub-users have no status or note; only name, traffic and password.',
      });
    }
    if (patch.password !== undefined && patch.password !== '') {
      throw this.http.error('invalid_argument', {
        detail: 'ProxyShard generates sub-user passwords itself; choose "new password" instead of typing one.',
      });
    }
    if (patch.limitBytes === null) {
      throw this.http.error('invalid_argument', { detail: 'ProxyShard sub-users cannot have unlimited traffic.' });
    }
    if (patch.username !== undefined && !patch.username.trim()) {
      throw this.http.error('invalid_argument', { detail: 'The sub-user needs a name.' });
    }
    if (patch.username !== undefined) {
      await this.writeOnce('PATCH', path, { query: { proxy_type: tier }, json: { name: patch.username.trim() } });
    }
    if (patch.limitBytes !== undefined) {
      // A read between writes: the current allocation decides the direction and size of the move.
      const current = await this.subUserRaw(tier, userId);
      const currentUser = this.parse('sub-user', () => mapSubUser(current, tier, userId));
      const deltaGb = bytesToWholeGb(patch.limitBytes) - bytesToWholeGb(currentUser.limitBytes ?? 0);
      if (deltaGb !== 0) {
        await this.writeOnce('POST', `${path}/data/${deltaGb > 0 ? 'add' : 'subtract'}`, {
          query: { proxy_type: tier },
          json: { data: Math.abs(deltaGb) },
        });
      }
    }
    if (patch.password === '') await this.regenerateSubUserPassword(id);
  }

  /** POST …/password (no body, so `{}`); the new password is not returned: re-read the sub-user. */
  async regenerateSubUserPassword(id: string): Promise<void> {
    const tier = this.tierOf(id);
    const { userId } = parseSubUserKey(id);
    await this.writeOnce('POST', `/proxies/sub-user/${encodeURIComponent(userId)}/password`, {
      query: { proxy_type: tier },
    });
  }

  /** DELETE /proxies/sub-user/{user_id}: no proxy_type is documented for this call. */
  override async deleteSubUser(id: string): Promise<void> {
    const { userId } = parseSubUserKey(id);
    await this.writeOnce('DELETE', `/proxies/sub-user/${encodeURIComponent(userId)}`);
  }

  // ------------------------------------------------------------ orders

  /**
   * POST /orders/edit-auto-renewal/{id}?auto_renewal=true|false with a `{}` body, one request per
   * order, in order; the first refused or unknown one stops the rest (its error is thrown).
   */
  override async setAutoRenew(target: AutoRenewTarget): Promise<void> {
    if (target.kind !== 'order') {
      throw this.http.error('invalid_argument', { detail: 'ProxyShard sets auto-renewal per order, not per IP.' });
    }
    const paths = target.ids.map((id) => `/orders/edit-auto-renewal/${this.orderPath(id)}`);
    for (const path of paths) await this.writeOnce('POST', path, { query: { auto_renewal: target.enabled } });
  }

  /** POST /orders/{id}/tag; the vendor's value "none" clears the tag. */
  async setOrderTag(orderId: string, tag: string | null): Promise<void> {
    const value = tag?.trim() ? tag.trim() : 'none';
    await this.writeOnce('POST', `/orders/${this.orderPath(orderId)}/tag`, { json: { tag: value } });
  }

  /**
   * POST /orders/change-billing-cycle/{id} {cycle}; the order's promo code may be dropped by the vendor.
   * Nothing is charged (doc §3.1 #3). The answer's prices (SPEC 1.1.0 flat, SPEC 1.0.0 under `order`)
   * must be integer cents when present, or the answer is not the documented one.
   */
  async changeBillingCycle(orderId: string, cycle: string): Promise<Money | null> {
    if (!cycle.trim()) throw this.http.error('invalid_argument', { detail: 'Choose a billing cycle.' });
    return this.writeOnce(
      'POST',
      `/orders/change-billing-cycle/${this.orderPath(orderId)}`,
      { json: { cycle: cycle.trim() } },
      (a) =>
        this.parse('billing cycle', () => {
          const o = a.order === undefined ? a : orderDetailOf(a);
          const final = optMoney(o.final_price, CURRENCY, 'final_price', 'cents');
          optMoney(o.original_price, CURRENCY, 'original_price', 'cents');
          return final;
        }),
    );
  }

  // ------------------------------------------------------------ p0f signatures (DC/ISP)

  /** GET /proxies/active (each IP's `signature`) and GET /orders/{id} (the p0f slots), read now. */
  async orderIpTools(orderId: string): Promise<OrderIpTools> {
    const path = this.orderPath(orderId);
    let active: unknown;
    try {
      active = await this.api.get('/proxies/active', { order_id: path });
    } catch (e) {
      // Doc §3.3 #17: 403 when the order is not Datacenter/ISP.
      if (e instanceof VendorError && e.httpStatus === 403) {
        throw this.http.error('not_supported', {
          sentence: 'Only ProxyShard Datacenter and ISP orders have IPs with an OS signature.',
        });
      }
      throw e;
    }
    const detail = await this.orderDetail(orderId);
    return this.parse('order IPs', () => ({
      ips: mapIpSignatures(active),
      slots: slotsOf(detail),
      quantity: optNum(detail.quantity),
    }));
  }

  /**
   * POST /orders/{id}/signature/set {items: [{ip, signature}]} (doc §3.2 #12). The order is read first:
   * an IP not in it, an unknown signature, or too few free p0f slots is refused here, before sending.
   * The answer must carry `updated` (an integer), or it is not the documented one (outcome unknown).
   */
  async setSignatures(orderId: string, items: SignatureItem[]): Promise<void> {
    const plan = planSignatures(items, await this.orderIpTools(orderId));
    if (!plan.ok) throw this.http.error('invalid_argument', { sentence: plan.sentence });
    await this.writeOnce(
      'POST',
      `/orders/${this.orderPath(orderId)}/signature/set`,
      { json: { items: plan.items.map((i) => ({ ip: i.ip, signature: i.signature })) } },
      (a) =>
        this.parse('signatures', () => {
          if (typeof a.updated !== 'number' || !Number.isInteger(a.updated)) {
            throw this.http.error('bad_response', { detail: 'The answer did not say how many IPs were updated.' });
          }
        }),
    );
  }

  /**
   * POST /orders/{id}/del-np/set {items: [{ip, value}]} (doc §3.3 #18, DC/ISP only): `value: true` drops
   * the IP at the next renewal, false keeps it; the vendor then recalculates quantity and price_paid.
   * Refused here, before sending: an IP not in the order, or marking every IP of the order ("keep=0").
   */
  async setDropAtRenewal(orderId: string, items: DropItem[]): Promise<void> {
    const plan = planDrops(items, await this.orderIpTools(orderId));
    if (!plan.ok) throw this.http.error('invalid_argument', { sentence: plan.sentence });
    await this.writeOnce('POST', `/orders/${this.orderPath(orderId)}/del-np/set`, {
      json: { items: plan.items.map((i) => ({ ip: i.ip, value: i.drop })) },
    });
  }
}
