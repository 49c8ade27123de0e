import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { HealthResult } from '../../../preload/contract/health';
import { formatRelative } from '../../lib/time';
import { healthCell, healthTitle } from './model';

/** The words of one result ("OK · 230 ms · DE", "Dead: auth failed", …) with "last checked" on hover. */
export const HealthText = memo(function HealthText({
  result,
  timeoutMs,
}: {
  result: HealthResult | undefined;
  timeoutMs: number;
}) {
  const { t, i18n } = useTranslation();
  const cell = healthCell(result, t, timeoutMs);
  const title = healthTitle(result, t, timeoutMs, (iso) => formatRelative(iso, i18n.language));
  return (
    <span className={`health-${cell.tone}`} title={title} data-testid="health-cell" data-tone={cell.tone}>
      {cell.text}
    </span>
  );
});
