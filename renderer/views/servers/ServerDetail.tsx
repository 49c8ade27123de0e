import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '../../../preload/contract/channels';
import type { UnlimitedServer } from '../../../preload/contract/model';
import { getApi } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useErrorText } from '../../lib/error-text';
import { useRenewalsStore } from '../../stores/renewals';
import { useSnapshotsStore } from '../../stores/snapshots';
import { useVendorsStore, vendorName } from '../../stores/vendors';
import { ServerHealth } from '../health/ServerHealth';
import { hasCapability } from '../manage/common';
import { BoundUsers } from './BoundUsers';
import { MonitorPanel } from './MonitorPanel';
import { UpgradeDialog } from './UpgradeDialog';

/**
 * One server: its actions (restart with a confirm, renew through the renew flow, upgrade through the
 * purchase dialog), its monitors and the sub-users allowed on it.
 */
export function ServerDetail({
  account,
  server,
  askRestart = false,
  onRestartAsked,
}: {
  account: AccountSummary;
  server: UnlimitedServer;
  /** "Restart server" of a failing row was pressed: open the restart confirm (then onRestartAsked). */
  askRestart?: boolean;
  onRestartAsked?: () => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const headingId = useId();
  const vendors = useVendorsStore((s) => s.list);
  const [flash, setFlash] = useState<string | null>(null);
  const [restarting, setRestarting] = useState(false);
  const [upgrading, setUpgrading] = useState(false);
  const host = server.ip;
  const canRenew = hasCapability(vendors, account.vendor, 'renew') && (server.renewPeriods?.length ?? 1) > 0;
  const canUpgrade = hasCapability(vendors, account.vendor, 'serverUpgrade');
  useEffect(() => {
    if (!askRestart) return;
    setRestarting(true);
    onRestartAsked?.();
  }, [askRestart, onRestartAsked]);

  const renew = () =>
    useRenewalsStore.getState().start([
      {
        accountId: account.id,
        accountLabel: account.label,
        vendor: account.vendor,
        vendorName: vendorName(vendors, account.vendor),
        target: { kind: 'server', id: server.id, label: host, expiresAt: server.expiresAt },
        itemKind: null,
        status: server.status,
      },
    ]);

  return (
    <section className="servers-detail" aria-labelledby={headingId}>
      <header className="servers-detail-head">
        <div>
          <h2 id={headingId}>{t('servers.detail.label', { host })}</h2>
          <p className="muted">{t('servers.detail.account', { account: account.label })}</p>
        </div>
        <div className="servers-actions">
          <button type="button" className="btn" onClick={() => setRestarting(true)}>
            {t('servers.actions.restart')}
          </button>
          {canRenew ? (
            <button type="button" className="btn" onClick={renew}>
              {t('servers.actions.renew')}
            </button>
          ) : null}
          {canUpgrade ? (
            <button type="button" className="btn btn-primary" onClick={() => setUpgrading(true)}>
              {t('servers.actions.upgrade')}
            </button>
          ) : null}
        </div>
      </header>
      <div role="status" className={flash ? 'flash' : 'flash flash-empty'}>
        {flash}
      </div>
      <ServerHealth accountId={account.id} serverId={server.id} onRestart={() => setRestarting(true)} />
      <MonitorPanel accountId={account.id} serverId={server.id} />
      <BoundUsers accountId={account.id} serverId={server.id} host={host} />
      {restarting ? (
        <ConfirmDialog
          title={t('servers.restart.title', { host })}
          cancelLabel={t('servers.restart.keep')}
          confirmLabel={t('servers.restart.confirm')}
          busyLabel={t('servers.restart.busy')}
          onClose={() => setRestarting(false)}
          onConfirm={async () => {
            const r = await getApi().servers.restart({ accountId: account.id, serverId: server.id });
            if (!r.ok) return errorText(r.error);
            setFlash(
              r.data.outcome === 'restarted'
                ? t('servers.restart.done', { host })
                : t('servers.restart.unconfirmed', { host }),
            );
            setRestarting(false);
            // The list shows the new status once the account is read again.
            void useSnapshotsStore.getState().refreshNow([account.id]);
            return null;
          }}
        >
          <p>{t('servers.restart.body')}</p>
        </ConfirmDialog>
      ) : null}
      {upgrading ? (
        <UpgradeDialog
          accountId={account.id}
          server={server}
          onClose={() => setUpgrading(false)}
          onDone={() => void useSnapshotsStore.getState().refreshNow([account.id])}
        />
      ) : null}
    </section>
  );
}
