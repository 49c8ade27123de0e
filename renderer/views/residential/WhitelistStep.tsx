import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WhitelistEntry } from '../../../preload/contract/model';
import { getApi } from '../../api';
import { describedBy, Field } from '../../components/Field';
import { useErrorText } from '../../lib/error-text';
import { useSnapshotsStore } from '../../stores/snapshots';
import { parseIpLines } from '../whitelist/ip-lines';

/**
 * The whitelist step of an extraction link: the account's residential whitelist and one IP the user
 * types, added through the Whitelists view's channel (`whitelist:add`). Detecting the public IP is
 * not done here (another issue).
 */
export function WhitelistStep({
  accountId,
  entries,
  canAdd,
  refused,
  onChanged,
}: {
  accountId: string;
  entries: WhitelistEntry[] | null;
  /** False: this list is edited in the Whitelists view (Thordata's unlimited-server list). */
  canAdd: boolean;
  refused: boolean;
  onChanged: (entries: WhitelistEntry[]) => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const id = useId();
  const patch = useSnapshotsStore((s) => s.patch);
  const [ip, setIp] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (pending) return;
    const parsed = parseIpLines(ip, { cidr: false });
    const one = parsed.valid.length === 1 && parsed.invalid.length === 0 && parsed.ranges.length === 0;
    const value = parsed.valid[0];
    if (!one || !value || value.includes(':')) {
      setFieldError(t('residential.whitelist.ipError'));
      return;
    }
    setFieldError(null);
    setError(null);
    setDone(null);
    setPending(true);
    const r = await getApi().whitelist.add({ accountId, ips: [value] });
    setPending(false);
    if (r.ok) {
      patch(accountId, 'whitelist', r.data);
      onChanged(r.data.filter((x) => !x.id || x.id.startsWith('residential:')));
      setIp('');
      setDone(t('residential.whitelist.added', { ip: value }));
    } else setError(errorText(r.error));
  };

  return (
    <form className="card res-whitelist" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel-title">
        {t('residential.whitelist.title')}
      </h2>
      <p className="muted">{t('residential.notes.whitelistNeeded')}</p>
      {refused ? (
        <p className="inline-error" role="alert">
          {t(canAdd ? 'residential.whitelist.refused' : 'residential.whitelist.refusedElsewhere')}
        </p>
      ) : null}
      {entries === null ? (
        <p className="muted small">{t('residential.whitelist.unreadable')}</p>
      ) : entries.length === 0 ? (
        <p className="muted small">{t('residential.whitelist.none')}</p>
      ) : (
        <>
          <p className="muted small">{t('residential.whitelist.current', { count: entries.length })}</p>
          <ul className="res-ips" aria-label={t('residential.whitelist.title')}>
            {entries.map((e) => (
              <li key={e.id ?? e.ip} className="input-mono">
                {e.ip}
              </li>
            ))}
          </ul>
        </>
      )}
      {canAdd ? null : <p className="muted small">{t('residential.whitelist.elsewhere')}</p>}
      {canAdd ? (
        <>
          <div className="res-row">
            <Field
              id={id}
              label={t('residential.whitelist.ip')}
              help={t('residential.whitelist.ipHelp')}
              error={fieldError}
            >
              <input
                id={id}
                className="input input-mono"
                value={ip}
                inputMode="decimal"
                autoComplete="off"
                spellCheck={false}
                disabled={pending}
                aria-invalid={fieldError ? true : undefined}
                aria-describedby={describedBy(id, true, fieldError)}
                onChange={(e) => setIp(e.target.value)}
              />
            </Field>
            <button type="submit" className="btn" disabled={pending} aria-busy={pending || undefined}>
              {pending ? t('residential.whitelist.adding') : t('residential.whitelist.add')}
            </button>
          </div>
          <div role="status" className={done ? 'flash' : 'flash flash-empty'}>
            {done}
          </div>
        </>
      ) : null}
      {error ? (
        <div className="form-error" role="alert">
          {error}
        </div>
      ) : null}
    </form>
  );
}
