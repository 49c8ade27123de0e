import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VendorSummary } from '../../../preload/contract/channels';
import { useVendorsStore } from '../../stores/vendors';
import { AutoRenewSwitch } from './AutoRenewSwitch';
import type { LeftOut, LeftOutReason } from './plan';
import { openVendorPage } from './vendor-page';

interface Part {
  key: string;
  vendor: VendorSummary | undefined;
  vendorName: string;
  reason: LeftOutReason;
  items: LeftOut[];
}

function partsOf(leftOut: LeftOut[], vendors: VendorSummary[]): Part[] {
  const parts = new Map<string, Part>();
  for (const l of leftOut) {
    const key = `${l.pick.vendor}|${l.reason}`;
    const part = parts.get(key) ?? {
      key,
      vendor: vendors.find((v) => v.id === l.pick.vendor),
      vendorName: l.pick.vendorName,
      reason: l.reason,
      items: [],
    };
    part.items.push(l);
    parts.set(key, part);
  }
  return [...parts.values()];
}

/** One summary line for the items left out, then each vendor's rule in plain words with the next step. */
export function LeftOutNotice({ leftOut }: { leftOut: LeftOut[] }) {
  const { t } = useTranslation();
  const vendors = useVendorsStore((s) => s.list);
  const titleId = useId();
  if (leftOut.length === 0) return null;
  return (
    <section className="renew-leftout" data-testid="renew-left-out" aria-labelledby={titleId}>
      <p id={titleId} className="renew-leftout-summary">
        {t('renewFlow.leftOut.summary', { count: leftOut.length })}
      </p>
      <ul className="renew-leftout-parts">
        {partsOf(leftOut, vendors).map((p) => (
          <LeftOutPart key={p.key} part={p} />
        ))}
      </ul>
    </section>
  );
}

function LeftOutPart({ part: p }: { part: Part }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const canSwitch = p.reason === 'onHold' && !!p.vendor?.capabilities.includes('autoRenew');
  const dashboard = (p.reason === 'dashboard' || p.reason === 'none') && !!p.vendor?.pages.includes('dashboard');
  const open = async () => {
    if (p.vendor && (await openVendorPage(p.vendor.id, 'dashboard'))) setOpened(true);
  };
  return (
    <li className="renew-leftout-part" data-testid={`renew-left-out-${p.reason}`}>
      <p>
        <strong>{t('renew.period.items', { count: p.items.length })}</strong> ·{' '}
        {t(`renewFlow.leftOut.rule.${p.reason}`, { vendor: p.vendorName })}
      </p>
      {canSwitch ? (
        <ul className="renew-leftout-switches">
          {p.items.map(({ pick }) => (
            <li key={`${pick.accountId}|${pick.target.id}`}>
              <span className="mono">{pick.target.label || pick.target.id}</span>{' '}
              <span className="muted small">· {pick.accountLabel}</span>
              <AutoRenewSwitch
                accountId={pick.accountId}
                vendor={pick.vendor}
                vendorName={pick.vendorName}
                orderId={pick.target.id}
                value={pick.autoRenew ?? null}
                itemKind={pick.itemKind ?? null}
                label={`${t('autoRenew.label')} — ${pick.target.label || pick.target.id}`}
                compact
              />
            </li>
          ))}
        </ul>
      ) : (
        <details>
          <summary className="muted small">{t('renewFlow.leftOut.show')}</summary>
          <p className="muted small renew-labels">
            {p.items.map(({ pick }) => pick.target.label || pick.target.id).join(', ')}
          </p>
        </details>
      )}
      {dashboard ? (
        <p>
          <button type="button" className="btn btn-small" onClick={() => void open()}>
            {t('renewFlow.leftOut.openDashboard', { vendor: p.vendorName })}
          </button>{' '}
          <span className="muted small" role="status">
            {opened ? t('renewFlow.leftOut.opened') : ''}
          </span>
        </p>
      ) : null}
    </li>
  );
}
