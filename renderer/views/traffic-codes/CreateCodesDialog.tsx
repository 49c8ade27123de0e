import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '../../../preload/contract/channels';
import type { PurchaseBatchView, PurchaseSelection } from '../../../preload/contract/purchases';
import { Dialog } from '../../components/Dialog';
import { describedBy, Field } from '../../components/Field';
import { formatBytes } from '../../lib/format';
import { useSnapshotsStore } from '../../stores/snapshots';
import { PurchaseDialog } from '../buy/PurchaseDialog';

const GB = 1024 ** 3;
const MAX_COUNT = 100;
const MAX_GB = 100_000;

/** A whole number in [min, max] typed by the user, or null. */
function whole(text: string, min: number, max: number): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const n = Number(text);
  return n >= min && n <= max ? n : null;
}

/**
 * "Create codes" (capability 'trafficCodesCreate'): how many codes and GB each, with the traffic they
 * spend and the traffic left, then the one purchase confirmation (PurchaseDialog, kind 'codes'): it
 * reads Thordata's traffic again, sends once, and settles an unknown answer by reading the codes.
 */
export function CreateCodesDialog({
  account,
  onClose,
  onDone,
}: {
  account: AccountSummary;
  onClose: () => void;
  onDone: (codes: string[]) => void;
}) {
  const { t } = useTranslation();
  const countId = useId();
  const gbId = useId();
  const sumId = useId();
  const left = useSnapshotsStore((s) => s.byAccount[account.id]?.balance?.trafficRemainingBytes ?? null);
  const [countText, setCountText] = useState('1');
  const [gbText, setGbText] = useState('1');
  const [touched, setTouched] = useState(false);
  const [selection, setSelection] = useState<PurchaseSelection | null>(null);

  const count = whole(countText, 1, MAX_COUNT);
  const gb = whole(gbText, 1, MAX_GB);
  const countError = touched && count === null ? t('trafficCodes.create.countError') : null;
  const gbError = touched && gb === null ? t('trafficCodes.create.gbError') : null;
  const need = count !== null && gb !== null ? count * gb * GB : null;

  if (selection) {
    const n = selection.request.kind === 'codes' ? selection.request.count : 0;
    return (
      <PurchaseDialog
        selections={[selection]}
        title={t('trafficCodes.create.dialogTitle', { count: n })}
        onClose={onClose}
        onDone={(batch: PurchaseBatchView) =>
          onDone(
            batch.records
              .filter((r) => r.state === 'done')
              .flatMap((r) => r.created)
              .filter((c) => c.startsWith('cdk:'))
              .map((c) => c.slice(4)),
          )
        }
      />
    );
  }

  const next = () => {
    setTouched(true);
    if (count === null || gb === null) return;
    setSelection({ accountId: account.id, request: { kind: 'codes', count, trafficGb: gb } });
  };

  return (
    <Dialog title={t('trafficCodes.create.title')} onClose={onClose} describedBy={sumId}>
      <form
        className="dialog-body"
        onSubmit={(e) => {
          e.preventDefault();
          next();
        }}
      >
        <p className="muted">{t('trafficCodes.create.intro')}</p>
        <Field
          id={countId}
          label={t('trafficCodes.create.count')}
          help={t('trafficCodes.create.countHelp')}
          error={countError}
        >
          <input
            id={countId}
            className="input"
            inputMode="numeric"
            value={countText}
            aria-invalid={countError ? true : undefined}
            aria-describedby={describedBy(countId, true, countError)}
            onChange={(e) => setCountText(e.target.value)}
          />
        </Field>
        <Field id={gbId} label={t('trafficCodes.create.gb')} help={t('trafficCodes.create.gbHelp')} error={gbError}>
          <input
            id={gbId}
            className="input"
            inputMode="numeric"
            value={gbText}
            aria-invalid={gbError ? true : undefined}
            aria-describedby={describedBy(gbId, true, gbError)}
            onChange={(e) => setGbText(e.target.value)}
          />
        </Field>
        <div id={sumId} role="status">
          {need !== null ? <p>{t('trafficCodes.create.total', { traffic: formatBytes(need) })}</p> : null}
          <p className="muted">
            {left !== null
              ? t('trafficCodes.create.left', { traffic: formatBytes(left) })
              : t('trafficCodes.create.leftUnknown')}
          </p>
          {need !== null && left !== null && need > left ? (
            <p className="inline-error">{t('trafficCodes.create.short')}</p>
          ) : null}
        </div>
        <div className="dialog-actions">
          <span className="spacer" />
          <button type="button" className="btn btn-ghost" onClick={onClose}>
            {t('trafficCodes.create.cancel')}
          </button>
          <button type="submit" className="btn btn-primary">
            {t('trafficCodes.create.next')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** The codes just created, each with a Copy button (they are in the list too). */
export function NewCodes({
  codes,
  onCopy,
  onHide,
}: {
  codes: string[];
  onCopy: (code: string) => void;
  onHide: () => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="new-codes" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('trafficCodes.create.newTitle')}</h3>
      <p className="muted">{t('trafficCodes.create.newIntro')}</p>
      <ul>
        {codes.map((c) => (
          <li key={c} data-new-code={c}>
            <code>{c}</code>{' '}
            <button
              type="button"
              className="btn btn-ghost btn-small"
              aria-label={t('trafficCodes.copyLabel', { code: c })}
              onClick={() => onCopy(c)}
            >
              {t('trafficCodes.copy')}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="btn btn-ghost btn-small" onClick={onHide}>
        {t('trafficCodes.create.hide')}
      </button>
    </section>
  );
}
