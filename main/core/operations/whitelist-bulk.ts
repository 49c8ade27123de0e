/**
 * Whitelist once for many accounts (issue 15 §2): "Add my current IP" and a pasted list applied to
 * several accounts. Every line is checked per account against the vendor's declared rules
 * (VENDOR_FORM_RULES.whitelist), the account's current list and the room left on it, before anything
 * is sent; only the lines that pass go, each account's once, through the existing 'whitelist:add'
 * handler (sent once, settled by reading). A full whitelist is said in the check, before sending.
 */
import type { Capability } from '../../../preload/contract/model';
import type { Settings } from '../../../preload/contract/schemas';
import { VENDOR_FORM_RULES, VENDORS } from '../../../preload/contract/vendors';
import {
  type BulkAccountPlan,
  type BulkAccountResult,
  checkLines,
  type WhitelistBulkInput,
} from '../../../preload/contract/whitelist-bulk';
import type { AccountsService } from '../accounts/accounts-service';
import { AppFailure } from '../errors';
import type { EventHub } from '../events';
import { type Handlers, toAppError } from '../ipc/dispatcher';
import { publicIpReader } from '../network/public-ip';
import { FollowIp, type FollowIpDeps } from './follow-ip';

type BulkChannels = 'publicIp:get' | 'whitelist:bulkCheck' | 'whitelist:bulkAdd';
type FollowChannels = 'followIp:pending' | 'followIp:dismiss' | 'followIp:replace';

export interface WhitelistBulkDeps {
  accounts: Pick<AccountsService, 'list' | 'client'>;
  /** The existing per-account add (account-operations.ts): sent once, settled by reading. */
  add: Handlers['whitelist:add'];
  publicIp: Handlers['publicIp:get'];
}

const EDIT: Capability = 'whitelistEdit';

export function whitelistBulk(deps: WhitelistBulkDeps): Pick<Handlers, BulkChannels> {
  /** One account's plan, from the vendor's list and room read now (not a stale snapshot). */
  async function planFor(accountId: string, text: string): Promise<BulkAccountPlan> {
    const client = await deps.accounts.client(accountId);
    const rules = VENDOR_FORM_RULES[client.vendor].whitelist;
    if (!rules || !client.capabilities.has(EDIT)) {
      throw new AppFailure('not_supported', `${VENDORS[client.vendor].name} does not offer this through its API.`);
    }
    const [list, room] = await Promise.all([
      client.listWhitelist(),
      rules.maxEntries === 'vendor' && client.whitelistRoom ? client.whitelistRoom() : Promise.resolve(null),
    ]);
    return {
      accountId,
      ...checkLines(
        text,
        rules,
        list.map((e) => e.ip),
        room,
      ),
      error: null,
    };
  }

  function known(ids: readonly string[]): string[] {
    const have = new Set(deps.accounts.list().map((a) => a.id));
    const unknown = ids.find((id) => !have.has(id));
    if (unknown) throw new AppFailure('not_found', 'One of the chosen accounts no longer exists. Choose again.');
    return [...new Set(ids)];
  }

  return {
    'publicIp:get': () => deps.publicIp(),

    'whitelist:bulkCheck': async ({ accountIds, text }: WhitelistBulkInput) => {
      const ids = known(accountIds);
      return Promise.all(
        ids.map((id) =>
          planFor(id, text).catch(
            (e: unknown): BulkAccountPlan => ({
              accountId: id,
              lines: [],
              toAdd: [],
              room: null,
              full: false,
              error: toAppError(e),
            }),
          ),
        ),
      );
    },

    'whitelist:bulkAdd': async ({ accountIds, text }: WhitelistBulkInput) => {
      const ids = known(accountIds);
      return Promise.all(ids.map((id) => addTo(id, text)));
    },
  };

  async function addTo(accountId: string, text: string): Promise<BulkAccountResult> {
    let plan: BulkAccountPlan;
    try {
      plan = await planFor(accountId, text);
    } catch (e) {
      return { accountId, added: [], refused: [], error: toAppError(e) };
    }
    const refused = plan.lines.filter((l) => l.verdict !== 'ok');
    if (plan.toAdd.length === 0) return { accountId, added: [], refused, error: null };
    try {
      const list = await deps.add({ accountId, ips: plan.toAdd });
      const now = new Set(list.map((e) => e.ip.toLowerCase()));
      return { accountId, added: plan.toAdd.filter((ip) => now.has(ip.toLowerCase())), refused, error: null };
    } catch (e) {
      return { accountId, added: [], refused, error: toAppError(e) };
    }
  }
}

export interface WhitelistBulkWiring {
  dataDir: string;
  accounts: Pick<AccountsService, 'list' | 'client'>;
  snapshot: FollowIpDeps['snapshot'];
  events: Pick<EventHub, 'emit' | 'on'>;
  settings: () => Pick<Settings, 'health' | 'followPublicIp'>;
  /** Resolves when the refresh pass in progress is done (RefreshService.idle). */
  refreshIdle: () => Promise<void>;
  add: Handlers['whitelist:add'];
  remove: Handlers['whitelist:remove'];
  now?: () => Date;
  warn?: (msg: string) => void;
}

/** The handlers of issue 15 §2, and "Follow my IP" checking after each refresh pass. */
export function whitelistBulkHandlers(w: WhitelistBulkWiring): Pick<Handlers, BulkChannels | FollowChannels> {
  const publicIp = publicIpReader({
    checkUrl: () => w.settings().health.checkUrl,
    timeoutMs: () => w.settings().health.timeoutMs,
    ...(w.now ? { now: w.now } : {}),
  });
  const follow = new FollowIp({
    dataDir: w.dataDir,
    enabled: () => w.settings().followPublicIp,
    publicIp,
    accounts: w.accounts,
    snapshot: w.snapshot,
    events: w.events,
    add: w.add,
    remove: w.remove,
    ...(w.now ? { now: w.now } : {}),
    ...(w.warn ? { warn: w.warn } : {}),
  });
  // A refresh pass is done when no account refresh is running any more: the IP is checked once then.
  w.events.on((e) => {
    if (e.type === 'refresh-progress' && e.state !== 'running') {
      void w
        .refreshIdle()
        .then(() => follow.onRefreshed())
        .catch(() => undefined);
    }
  });
  return {
    ...whitelistBulk({ accounts: w.accounts, add: w.add, publicIp }),
    'followIp:pending': () => follow.pending(),
    'followIp:dismiss': ({ changeId }) => follow.dismiss(changeId),
    'followIp:replace': (input) => follow.replace(input),
  };
}
