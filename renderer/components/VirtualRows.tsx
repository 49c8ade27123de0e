import { useVirtualizer } from '@tanstack/react-virtual';
import { type RefObject, useRef } from 'react';

/**
 * The shared piece of every big table (IPs, Orders, Sub-users): rows of one fixed height, virtualized
 * with @tanstack/react-virtual (nothing is measured), and the space above and below the rendered rows.
 */
export function useFixedRows<E extends HTMLElement>(
  count: number,
  rowHeight: number,
  overscan: number,
): { scrollRef: RefObject<E | null>; items: { index: number }[]; padTop: number; padBottom: number } {
  const scrollRef = useRef<E>(null);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan,
  });
  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = items.length ? virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0) : 0;
  return { scrollRef, items, padTop, padBottom };
}

/**
 * The space a virtualized table does not render. One cell (no colSpan), so columns hidden in narrow
 * windows leave no gap; nothing when there is no space to keep.
 */
export function SpacerRow({ height, plain }: { height: number; plain?: boolean }) {
  if (height <= 0) return null;
  return (
    <tr className="spacer">
      <td style={plain ? { height, padding: 0, border: 0 } : { height }} />
    </tr>
  );
}
