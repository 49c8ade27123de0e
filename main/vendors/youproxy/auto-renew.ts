/**
 * Auto-renew toggles: /extend/auto (IP ids) and /extend/order/auto (order ids), both free (youproxy.md
 * §3.13, §3.14) but state-changing, so each request goes through the write outcome rule.
 *
 * No silent widening: YouProxy changes IPv6 only as whole orders (§3.8; PHP error 28). An IP selection
 * that covers only part of an IPv6 order is refused before anything is sent, naming the IPs that would
 * change too; a selection that names every IP of the order is sent as exactly those IP ids.
 */
import { VendorError } from '../errors';
import type { AutoRenewTarget } from '../vendor-client';
import { unknownOutcome, type WriteOutcome } from '../write-outcome';
import { mapExtendEcho, type YpExtendEcho } from './mappers';
import { extendBody, type YpContext } from './renew';
import { groupTargets, type TargetGroup, wideningRefusal } from './targets';

export async function setAutoRenew(ctx: YpContext, target: AutoRenewTarget): Promise<void> {
  if (!target.periodId) {
    throw ctx.http.error('invalid_argument', {
      detail: 'Choose the renewal period YouProxy should use for automatic renewals.',
    });
  }
  const days = ctx.periodDays(target.periodId);
  if (target.ids.length === 0) throw ctx.http.error('invalid_argument', { detail: 'Nothing was selected.' });
  const targets = target.ids.map((id) => ({ kind: target.kind, id, label: id, expiresAt: null }));
  const { widenings, ips } = await ctx.grouped(targets, undefined);
  if (widenings.length > 0) throw ctx.http.error('invalid_argument', { detail: wideningRefusal(widenings) });
  // Every IPv6 order is covered in full: send exactly the IP ids the caller named.
  const { groups } = groupTargets(targets, ips, { promoteIpv6: false });

  const done: { group: TargetGroup; result: WriteOutcome<YpExtendEcho> }[] = [];
  for (const group of groups) {
    const endpoint = group.by === 'order' ? 'extend/order/auto' : 'extend/auto';
    const result = await ctx.settle(async () => {
      const body = await ctx.post(endpoint, extendBody(group, days, { autoExtend: target.enabled }));
      return ctx.parse('auto-extend', () => mapExtendEcho(body));
    });
    done.push({ group, result });
  }
  const applied = done.filter((d) => d.result.outcome === 'applied').map((d) => d.group);
  const unknown = done.find((d) => d.result.outcome === 'unknown');
  if (unknown && unknown.result.outcome === 'unknown') {
    if (done.length === 1) throw unknown.result.error;
    throw unknownOutcome(
      'youproxy',
      unknown.result.error.cause ?? unknown.result.error,
      `Auto-renew of ${what(unknown.group)}`,
    );
  }
  const refused = done.filter((d) => d.result.outcome === 'refused');
  const firstResult = refused[0]?.result;
  if (firstResult?.outcome !== 'refused') return;
  const e = firstResult.error;
  if (applied.length === 0) throw e;
  throw new VendorError('youproxy', e.code, {
    sentence: e.message,
    detail:
      `Auto-renew was changed for ${applied.map(what).join(' and ')}; ` +
      `it was not changed for ${refused.map((d) => what(d.group)).join(' and ')}.`,
    ...(e.vendorCode === undefined ? {} : { vendorCode: e.vendorCode }),
    ...(e.httpStatus === undefined ? {} : { httpStatus: e.httpStatus }),
    cause: e,
  });
}

/** "3 IPv4 IPs" / "MOBILE order 48213" in words. */
function what(g: TargetGroup): string {
  if (g.by === 'order') return `${g.proxyType} order${g.ids.length === 1 ? '' : 's'} ${g.ids.join(', ')}`;
  return `${g.ids.length} ${g.proxyType} IP${g.ids.length === 1 ? '' : 's'}`;
}
