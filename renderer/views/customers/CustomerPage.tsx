import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer, ItemCost } from '../../../preload/contract/business';
import { formatMoney } from '../../lib/format';
import { sumMoney } from '../../lib/inventory';
import { formatDate } from '../../lib/time';
import { useBusinessStore } from '../../stores/business';
import { useRenewalsStore } from '../../stores/renewals';
import { useSnapshotsStore } from '../../stores/snapshots';
import { useVendorsStore } from '../../stores/vendors';
import { ExportPanel } from '../ips/ExportPanel';
import { useIpExport } from '../ips/useIpExport';
import { ipPicks, orderPick } from '../renew/picks';
import { sortPicks } from '../renew/plan';
import { AssignDialog } from './AssignDialog';
import { costSourceKey } from './costs';
import { fromTemplateId } from './export-template';
import { useHandoff } from './handoff';
import type { CustomerLine } from './model';
import { useItemCosts } from './useItemCosts';

/** The item's cost per month and, in words, where it came from ("—" until known). */
function CostCell({ cost }: { cost: ItemCost | undefined }) {
  const { t, i18n } = useTranslation();
  return (
    <td data-testid="customer-line-cost" title={t('customers.page.costHelp')}>
      {cost?.perMonth ? formatMoney(cost.perMonth, i18n.language) : '—'}
      {cost ? <div className="muted small">{t(costSourceKey(cost.source))}</div> : null}
    </td>
  );
}

/**
 * One customer's page: their items across vendors and accounts (kind, account, expiry, cost, price),
 * lines "no longer at <vendor>" until cleared, and one click each to renew, export, or copy a handoff sheet.
 */
export function CustomerPage({
  customer,
  lines,
  onBack,
  onEdit,
}: {
  customer: Customer;
  lines: CustomerLine[];
  onBack: () => void;
  onEdit: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const headingId = useId();
  const vendors = useVendorsStore((s) => s.list);
  const byAccount = useSnapshotsStore((s) => s.byAccount);
  const forget = useBusinessStore((s) => s.forgetItems);
  const [assigning, setAssigning] = useState<CustomerLine | null>(null);
  const [flash, setFlash] = useState<string | null>(null);

  const present = useMemo(() => lines.filter((l) => !l.missing), [lines]);
  const missing = useMemo(() => lines.filter((l) => l.missing), [lines]);
  const ipRows = useMemo(() => present.flatMap((l) => (l.ipRow ? [l.ipRow] : [])), [present]);
  const revenue = useMemo(() => sumMoney(present.flatMap((l) => (l.price ? [l.price] : []))), [present]);
  const refs = useMemo(() => lines.map((l) => l.entry.item), [lines]);
  const { costs, margin } = useItemCosts(customer.id, refs);
  const money = (list: { minor: number; currency: string }[]) => list.map((m) => formatMoney(m, lang)).join(' + ');

  // Renew: the customer's IPs and servers (an IP of a vendor that renews whole orders becomes its order) and orders.
  const plan = useMemo(() => {
    const fromIps = ipPicks(ipRows, vendors, byAccount);
    const orders = present.flatMap((l) => (l.orderRow ? [orderPick(l.orderRow)] : []));
    // sortPicks drops repeats (an order picked as itself and through its IPs) and applies each vendor's rule.
    const { renew, leftOut } = sortPicks([...fromIps.picks, ...fromIps.leftOut.map((x) => x.pick), ...orders], vendors);
    return { picks: renew, leftOut };
  }, [ipRows, present, vendors, byAccount]);
  const startRenew = () => useRenewalsStore.getState().start(plan.picks, plan.leftOut);

  const exp = useIpExport(ipRows, false);
  const { setFormat, setTemplate } = exp;
  useEffect(() => {
    const f = fromTemplateId(customer.exportTemplate);
    if (!f) return;
    setFormat(f.format);
    if (f.template) setTemplate(f.template);
  }, [customer.exportTemplate, setFormat, setTemplate]);
  const handoff = useHandoff(customer.name, ipRows, exp.format, exp.template);

  const clear = async (which: CustomerLine[]) => {
    const r = await forget(which.map((l) => l.entry.item));
    setFlash(r.ok ? t('customers.page.cleared', { count: which.length }) : r.error.message);
  };

  return (
    <section className="customers-page" aria-labelledby={headingId}>
      <div className="customers-page-head">
        <button type="button" className="btn btn-small btn-ghost" onClick={onBack}>
          {t('customers.page.back')}
        </button>
        <h2 id={headingId} className="panel-title">
          {customer.name}
        </h2>
        <button type="button" className="btn btn-small" onClick={onEdit}>
          {t('customers.list.edit')}
        </button>
      </div>
      {customer.contact ? <p className="muted">{customer.contact}</p> : null}
      {customer.notes ? <p className="customers-notes">{customer.notes}</p> : null}
      <p className="muted" role="status">
        {t('customers.page.summary', { count: lines.length })}
        {revenue.length > 0
          ? ` · ${t('customers.page.revenue', { amounts: revenue.map((m) => formatMoney(m, lang)).join(' + ') })}`
          : ''}
        {margin ? (
          <span data-testid="customer-margin">
            {` · ${t('customers.page.margin', { amounts: money(margin.margin) })}`}
            {margin.unknownCost > 0 ? ` ${t('customers.page.marginUnknown', { count: margin.unknownCost })}` : ''}
          </span>
        ) : null}
      </p>
      <div className="ips-actions customers-actions">
        {/* Items their vendor renews elsewhere still open the dialog, which says why and what to do. */}
        <button
          type="button"
          className="btn btn-primary"
          onClick={startRenew}
          disabled={plan.picks.length + plan.leftOut.length === 0}
          title={plan.picks.length === 0 && plan.leftOut.length > 0 ? t('renewFlow.button.noneHere') : undefined}
        >
          {plan.picks.length > 0
            ? t('customers.page.renew', { count: plan.picks.length })
            : plan.leftOut.length > 0
              ? t('renew.button')
              : t('customers.page.renewNone')}
        </button>
        <button type="button" className="btn" onClick={exp.exportFile} disabled={ipRows.length === 0}>
          {t('customers.page.export', { count: ipRows.length })}
        </button>
        <button type="button" className="btn" onClick={() => void handoff.copy()} disabled={ipRows.length === 0}>
          {t('customers.page.handoff')}
        </button>
        {missing.length > 1 ? (
          <button type="button" className="btn btn-ghost" onClick={() => void clear(missing)}>
            {t('customers.page.clearAll', { count: missing.length })}
          </button>
        ) : null}
      </div>
      {handoff.message || flash ? (
        <div className="flash" role="status">
          {handoff.message ?? flash}
        </div>
      ) : null}
      {lines.length === 0 ? (
        <div className="empty">
          <p className="empty-title">{t('customers.page.emptyTitle')}</p>
          <p>{t('customers.page.emptyBody')}</p>
        </div>
      ) : (
        <div className="table-wrap customers-lines-scroll">
          <table className="table table-compact" aria-label={t('customers.page.tableLabel', { name: customer.name })}>
            <thead>
              <tr>
                <th scope="col">{t('customers.page.col.item')}</th>
                <th scope="col">{t('customers.page.col.kind')}</th>
                <th scope="col">{t('customers.page.col.account')}</th>
                <th scope="col">{t('customers.page.col.expires')}</th>
                <th scope="col">{t('customers.page.col.cost')}</th>
                <th scope="col">{t('customers.page.col.price')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('customers.page.col.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {lines.map((l) => (
                <tr key={l.key} data-testid="customer-line" className={l.missing ? 'customers-missing' : undefined}>
                  <td title={l.label}>
                    <span className="mono">{l.label}</span>
                    {l.missing ? (
                      <div className="warning-text small">{t('customers.page.missing', { vendor: l.vendorName })}</div>
                    ) : null}
                  </td>
                  <td>{t(`customers.kind.${l.kind}`)}</td>
                  <td title={`${l.accountLabel} · ${l.vendorName}`}>
                    {l.accountLabel} <span className="muted small">· {l.vendorName}</span>
                  </td>
                  <td>{l.expiresAt ? formatDate(l.expiresAt, lang) : '—'}</td>
                  <CostCell cost={costs.get(l.key)} />
                  <td>
                    {l.price ? formatMoney(l.price, lang) : '—'}
                    {l.price && !l.entry.price ? (
                      <div className="muted small">{t('customers.page.defaultPrice')}</div>
                    ) : null}
                    {l.entry.keep ? <div className="muted small">{t('customers.page.kept')}</div> : null}
                  </td>
                  <td>
                    {l.missing ? (
                      <button type="button" className="btn btn-small btn-ghost" onClick={() => void clear([l])}>
                        {t('customers.page.clear')}
                      </button>
                    ) : (
                      <button
                        type="button"
                        className="btn btn-small btn-ghost"
                        onClick={() => setAssigning(l)}
                        aria-label={t('customers.assign.rowLabel', { item: l.label })}
                      >
                        {t('customers.page.change')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {ipRows.length > 0 ? <ExportPanel headingId={headingId} exp={exp} count={ipRows.length} reveal={false} /> : null}
      {assigning ? (
        <AssignDialog items={[assigning.entry.item]} onClose={() => setAssigning(null)} onDone={setFlash} />
      ) : null}
    </section>
  );
}
