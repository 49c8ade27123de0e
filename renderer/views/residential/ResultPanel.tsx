import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '../../../preload/contract/channels';
import type { ResidentialResult } from '../../../preload/contract/residential';
import { useSnapshotsStore } from '../../stores/snapshots';
import { useVendorsStore, vendorName } from '../../stores/vendors';
import { ExportPanel } from '../ips/ExportPanel';
import { ForCustomerDialog } from './ForCustomerDialog';
import { subUserOfLogin } from './for-customer';
import { useResidentialExport } from './useResidentialExport';

/**
 * What was generated: how many, what to know about them, "For a customer…" (assign the sub-user, copy in
 * the customer's format) and the IPs view's copy / export panel.
 */
export function ResultPanel({
  result,
  account,
  login,
}: {
  result: ResidentialResult;
  account: AccountSummary;
  /** The login the endpoints were generated with (a sub-user id, an `owner:` pool) or null. */
  login: string | null;
}) {
  const { t } = useTranslation();
  const id = useId();
  const vendors = useVendorsStore((s) => s.list);
  const subUsers = useSnapshotsStore((s) => s.byAccount[account.id]?.subUsers);
  const exp = useResidentialExport(result, {
    vendor: account.vendor,
    vendorName: vendorName(vendors, account.vendor),
    account: account.label,
  });
  const [forCustomer, setForCustomer] = useState(false);
  // What "For a customer…" recorded, for this result only.
  const [recorded, setRecorded] = useState<{ result: ResidentialResult; text: string } | null>(null);
  const count = result.endpoints.length;
  const withPasswords = result.endpoints.some((e) => e.pass);
  const subUser = subUserOfLogin(login, subUsers);
  const unlisted = login && !login.startsWith('owner:') && !subUser ? login : null;
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
      {count > 0 ? (
        <div className="res-for-customer">
          <button type="button" className="btn" onClick={() => setForCustomer(true)}>
            {t('residential.forCustomer.button')}
          </button>
          <span className="muted small">
            {subUser
              ? t('residential.forCustomer.buttonHelpSubUser', { user: subUser.username })
              : t('residential.forCustomer.buttonHelpMain')}
          </span>
        </div>
      ) : null}
      {recorded && recorded.result === result ? (
        <p className="flash" role="status" data-testid="res-recorded">
          {recorded.text}
        </p>
      ) : null}
      {count > 0 ? <ExportPanel headingId={id} exp={exp} count={count} reveal={!withPasswords} /> : null}
      {forCustomer ? (
        <ForCustomerDialog
          account={account}
          subUser={subUser}
          unlisted={unlisted}
          count={count}
          exp={exp}
          onClose={() => setForCustomer(false)}
          onDone={(text) => setRecorded({ result, text })}
        />
      ) : null}
    </section>
  );
}
