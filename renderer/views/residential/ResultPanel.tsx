import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '../../../preload/contract/channels';
import type { ResidentialResult } from '../../../preload/contract/residential';
import { useVendorsStore, vendorName } from '../../stores/vendors';
import { ExportPanel } from '../ips/ExportPanel';
import { useResidentialExport } from './useResidentialExport';

/** What was generated: how many, what to know about them, and the IPs view's copy / export panel. */
export function ResultPanel({ result, account }: { result: ResidentialResult; account: AccountSummary }) {
  const { t } = useTranslation();
  const id = useId();
  const vendors = useVendorsStore((s) => s.list);
  const exp = useResidentialExport(result, {
    vendor: account.vendor,
    vendorName: vendorName(vendors, account.vendor),
    account: account.label,
  });
  const count = result.endpoints.length;
  const withPasswords = result.endpoints.some((e) => e.pass);
  return (
    <section className="res-result" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel-title">
        {t('residential.resultTitle')}
      </h2>
      <p role="status" className={count > 0 ? 'flash' : 'inline-error'}>
        {count > 0 ? t('residential.generated', { count }) : t('residential.generatedNone')}
      </p>
      {result.notes
        .filter((n) => n !== 'whitelistNeeded')
        .map((n) => (
          <p key={n} className="muted small">
            {t(`residential.notes.${n}`)}
          </p>
        ))}
      {count > 0 ? <ExportPanel headingId={id} exp={exp} count={count} reveal={!withPasswords} /> : null}
    </section>
  );
}
