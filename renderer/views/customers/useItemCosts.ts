import { useEffect, useMemo, useState } from 'react';
import type { ItemCost, ItemRef } from '../../../preload/contract/business';
import { getApi } from '../../api';
import { useSnapshotsStore } from '../../stores/snapshots';
import { type CustomerMargin, costsByKey, customerMargin, monthNow } from './costs';

/**
 * Cost per month of the page's items and the customer's margin this month, asked again when the items
 * or the snapshots change. Until the answer comes (or when it fails) the page shows "—".
 */
export function useItemCosts(customerId: string, items: readonly ItemRef[]) {
  const byAccount = useSnapshotsStore((s) => s.byAccount);
  const [costs, setCosts] = useState<ReadonlyMap<string, ItemCost>>(new Map());
  const [margin, setMargin] = useState<CustomerMargin | null>(null);
  const wanted = useMemo(() => [...items], [items]);

  useEffect(() => {
    let live = true;
    void byAccount; // ask again after a refresh: the vendor's prices may have changed
    const month = monthNow(new Date());
    void (async () => {
      const [c, m] = await Promise.all([
        wanted.length ? getApi().reports.itemCosts({ items: wanted }) : null,
        getApi().reports.margin({ from: month, to: month, convert: false }),
      ]);
      if (!live) return;
      setCosts(c?.ok ? costsByKey(c.data) : new Map());
      setMargin(m.ok ? customerMargin(m.data, customerId) : null);
    })();
    return () => {
      live = false;
    };
  }, [customerId, wanted, byAccount]);

  return { costs, margin };
}
