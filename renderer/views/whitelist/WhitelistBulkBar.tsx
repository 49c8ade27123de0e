/** The Whitelists view's tools for many accounts at once: my IP, a list, and "Follow my IP". */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '../../../preload/contract/channels';
import { AddMyIpDialog } from './AddMyIpDialog';
import { BulkAddDialog } from './BulkAddDialog';
import { FollowIpSwitch } from './FollowIpSwitch';
import './whitelist-bulk.css';

export function WhitelistBulkBar({ accounts, current }: { accounts: AccountSummary[]; current: string | null }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<'myIp' | 'list' | null>(null);
  if (accounts.length === 0) return null;
  return (
    <div className="wlb-bar">
      <button type="button" className="btn btn-primary" onClick={() => setOpen('myIp')}>
        {t('whitelistBulk.myIp.button')}
      </button>
      <button type="button" className="btn" onClick={() => setOpen('list')}>
        {t('whitelistBulk.list.button')}
      </button>
      <span className="spacer" />
      <FollowIpSwitch />
      {open === 'myIp' ? <AddMyIpDialog accounts={accounts} onClose={() => setOpen(null)} /> : null}
      {open === 'list' ? (
        <BulkAddDialog accounts={accounts} initial={current ? [current] : []} onClose={() => setOpen(null)} />
      ) : null}
    </div>
  );
}
