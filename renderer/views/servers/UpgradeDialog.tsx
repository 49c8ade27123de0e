import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnlimitedServer } from '../../../preload/contract/model';
import type { PurchaseSelection } from '../../../preload/contract/purchases';
import { Dialog } from '../../components/Dialog';
import { useErrorText } from '../../lib/error-text';
import { useCatalog } from '../buy/catalog';
import { PurchaseDialog } from '../buy/PurchaseDialog';

/** Keys of the vendor catalog's upgrade choices (Thordata purchase catalog: S6 `bw_id` and `sv_id`). */
const BANDWIDTH = 'bandwidth';
const SIZE = 'serverSize';

/**
 * Upgrade of one server: the user picks the new bandwidth and size (the choices come from the vendor's
 * purchase catalog), then the shared purchase dialog shows the price check and asks to confirm.
 */
export function UpgradeDialog({
  accountId,
  server,
  onClose,
  onDone,
}: {
  accountId: string;
  server: UnlimitedServer;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const bwId = useId();
  const svId = useId();
  const { catalog, error, loading } = useCatalog(accountId);
  const [bw, setBw] = useState('');
  const [sv, setSv] = useState('');
  const [selection, setSelection] = useState<PurchaseSelection | null>(null);
  const title = t('servers.upgrade.title', { host: server.ip });

  const field = (key: string) => catalog?.options.find((o) => o.key === key) ?? null;
  const bandwidths = field(BANDWIDTH)?.choices ?? [];
  const sizes = field(SIZE)?.choices ?? [];
  const bwValue = bw || bandwidths[0]?.value || '';
  const svValue = sv || sizes[0]?.value || '';

  if (selection) {
    return <PurchaseDialog selections={[selection]} title={title} onClose={onClose} onDone={() => onDone()} />;
  }

  const next = (e: FormEvent) => {
    e.preventDefault();
    if (!bwValue || !svValue) return;
    setSelection({ accountId, request: { kind: 'upgrade', serverId: server.id, planId: `${bwValue}:${svValue}` } });
  };
  const ready = bandwidths.length > 0 && sizes.length > 0;

  return (
    <Dialog title={title} onClose={onClose}>
      <form onSubmit={next} className="dialog-body servers-upgrade">
        <p>{t('servers.upgrade.intro')}</p>
        {loading ? <p className="muted">{t('servers.upgrade.loading')}</p> : null}
        {error ? (
          <div className="form-error" role="alert">
            {errorText(error)}
          </div>
        ) : null}
        {catalog && !ready ? <p className="form-error">{t('servers.upgrade.unavailable')}</p> : null}
        {ready ? (
          <>
            <label className="manage-field" htmlFor={bwId}>
              <span className="field-label">{t('servers.upgrade.bandwidth')}</span>
              <select id={bwId} className="input" value={bwValue} onChange={(e) => setBw(e.target.value)}>
                {bandwidths.map((c) => (
                  <option key={c.value} value={c.value} disabled={c.disabled}>
                    {c.label}
                  </option>
                ))}
              </select>
              {server.bandwidth ? (
                <span className="muted">{t('servers.upgrade.now', { value: server.bandwidth })}</span>
              ) : null}
            </label>
            <label className="manage-field" htmlFor={svId}>
              <span className="field-label">{t('servers.upgrade.size')}</span>
              <select id={svId} className="input" value={svValue} onChange={(e) => setSv(e.target.value)}>
                {sizes.map((c) => (
                  <option key={c.value} value={c.value} disabled={c.disabled}>
                    {c.label}
                  </option>
                ))}
              </select>
              {server.spec ? <span className="muted">{t('servers.upgrade.now', { value: server.spec })}</span> : null}
            </label>
          </>
        ) : null}
        <div className="dialog-actions">
          <span className="spacer" />
          <button type="button" className="btn btn-ghost" onClick={onClose}>
            {t('servers.upgrade.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={!ready}>
            {t('servers.upgrade.next')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
