import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '../../../preload/contract/channels';
import { VENDOR_FORM_RULES } from '../../../preload/contract/vendors';
import { getApi } from '../../api';
import { describedBy, Field } from '../../components/Field';
import { useErrorText } from '../../lib/error-text';
import { useSnapshotsStore } from '../../stores/snapshots';
import { useVendorsStore, vendorName } from '../../stores/vendors';
import { expandRangesInText, type ParsedLines, parseIpLines } from './ip-lines';

/** The paste box of the Whitelists view: checks every line, says what the vendor takes (ranges or not). */
export function AddIpsForm({ account, onAdded }: { account: AccountSummary; onAdded: (count: number) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const id = useId();
  const patch = useSnapshotsStore((s) => s.patch);
  const vendors = useVendorsStore((s) => s.list);
  const vendor = vendorName(vendors, account.vendor);
  const cidr = VENDOR_FORM_RULES[account.vendor].whitelist?.cidr ?? false;
  const ipv6 = VENDOR_FORM_RULES[account.vendor].whitelist?.ipv6 ?? false;
  const parse = (text: string) => parseIpLines(text, { cidr, ipv6 });
  const [text, setText] = useState('');
  const [checked, setChecked] = useState<ParsedLines | null>(null);
  const [empty, setEmpty] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const send = async (ips: string[]) => {
    setPending(true);
    setError(null);
    const r = await getApi().whitelist.add({ accountId: account.id, ips });
    setPending(false);
    if (r.ok) {
      patch(account.id, 'whitelist', r.data);
      setText('');
      setChecked(null);
      onAdded(ips.length);
    } else {
      setError(errorText(r.error));
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    const parsed = parse(text);
    setEmpty(parsed.valid.length === 0 && parsed.invalid.length === 0 && parsed.ranges.length === 0);
    setChecked(parsed);
    if (parsed.invalid.length > 0 || parsed.ranges.length > 0 || parsed.valid.length === 0) return;
    void send(parsed.valid);
  };

  const invalid = checked?.invalid ?? [];
  const ranges = checked?.ranges ?? [];
  const wrong = invalid.length + ranges.length;
  const expandable = ranges.filter((r) => r.expandable);
  const fieldError = empty
    ? t('whitelists.nothingToAdd')
    : wrong > 0
      ? t('whitelists.fixLines', { count: wrong })
      : null;
  const help = `${t(ipv6 ? 'whitelists.addHelp' : 'whitelists.addHelpIpv4')} ${cidr ? t('formsPlus.whitelist.cidrYes', { vendor }) : t('formsPlus.whitelist.cidrNo', { vendor })}`;

  return (
    <form className="card manage-side" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('whitelists.addTitle')}</h2>
      <Field id={id} label={t('whitelists.addField')} help={help} error={fieldError}>
        <textarea
          id={id}
          className="input input-mono manage-textarea"
          rows={6}
          value={text}
          spellCheck={false}
          autoComplete="off"
          disabled={pending}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={describedBy(id, true, fieldError)}
          onChange={(e) => {
            setText(e.target.value);
            if (checked) setChecked(parse(e.target.value));
            setEmpty(false);
          }}
        />
      </Field>
      {wrong > 0 ? (
        <ul className="manage-line-errors" aria-label={t('whitelists.fixLines', { count: wrong })}>
          {invalid.map((l) => (
            <li key={l.line}>
              {l.ipv6
                ? t('whitelists.lineIpv6', { line: l.line, value: l.value, vendor })
                : t('whitelists.lineError', { line: l.line, value: l.value })}
            </li>
          ))}
          {ranges.map((r) => (
            <li key={r.line}>
              {r.expandable
                ? t('formsPlus.whitelist.rangeLine', { line: r.line, value: r.value, vendor, count: r.size })
                : t('formsPlus.whitelist.rangeTooBig', { line: r.line, value: r.value, vendor, count: r.size })}
            </li>
          ))}
        </ul>
      ) : null}
      {expandable.length > 0 ? (
        <button
          type="button"
          className="btn btn-small"
          disabled={pending}
          onClick={() => {
            const next = expandRangesInText(text);
            setText(next);
            setChecked(parse(next));
          }}
        >
          {t('formsPlus.whitelist.expand', { count: expandable.reduce((n, r) => n + r.size, 0) })}
        </button>
      ) : null}
      {error ? (
        <div className="form-error" role="alert">
          {error}
        </div>
      ) : null}
      <div className="dialog-actions">
        {wrong > 0 && (checked?.valid.length ?? 0) > 0 ? (
          <button type="button" className="btn" disabled={pending} onClick={() => checked && void send(checked.valid)}>
            {t('whitelists.addValid', { count: checked?.valid.length ?? 0 })}
          </button>
        ) : null}
        <span className="spacer" />
        <button type="submit" className="btn btn-primary" disabled={pending} aria-busy={pending || undefined}>
          {pending ? t('whitelists.adding') : t('whitelists.addSubmit')}
        </button>
      </div>
    </form>
  );
}
