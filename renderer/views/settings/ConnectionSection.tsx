import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionTestResult } from '../../../preload/contract/channels';
import type { AppError } from '../../../preload/contract/errors';
import {
  CONNECTION_MODES,
  type ConnectionSettings,
  PROXY_PROTOCOLS,
  ProxyServerSchema,
  type Settings,
} from '../../../preload/contract/schemas';
import { getApi } from '../../api';
import { describedBy, Field, leavingToSubmit } from '../../components/Field';
import { useErrorText } from '../../lib/error-text';
import { useSettingsStore } from '../../stores/settings';
import { fieldMessage, fieldOfMessage, type ProxyField, resultText } from './connection-text';
import { type SaveStatus, SaveStatusLine } from './SaveStatusLine';
import './connection.css';

type Mode = ConnectionSettings['mode'];
type Protocol = (typeof PROXY_PROTOCOLS)[number];
interface Draft {
  mode: Mode;
  protocol: Protocol;
  host: string;
  port: string;
  username: string;
}
type Errors = Partial<Record<ProxyField, string | null>>;
type TestState =
  | { state: 'idle' }
  | { state: 'running' }
  | { state: 'done'; result: ConnectionTestResult }
  | { state: 'error'; error: AppError };

const toDraft = (c: ConnectionSettings): Draft => ({
  mode: c.mode,
  protocol: c.proxy?.protocol ?? 'http',
  host: c.proxy?.host ?? '',
  port: c.proxy ? String(c.proxy.port) : '',
  username: c.proxy?.username ?? '',
});

/**
 * The draft as the contract's setting, checked by the contract's own schema. The proxy fields only
 * block saving when "this proxy" is chosen; otherwise a valid proxy is kept for switching back.
 */
function toConnection(d: Draft): { connection: ConnectionSettings; errors: Errors } {
  const parsed = ProxyServerSchema.safeParse({
    protocol: d.protocol,
    host: d.host,
    port: /^\d{1,5}$/.test(d.port.trim()) ? Number(d.port.trim()) : Number.NaN,
    ...(d.username.trim() ? { username: d.username.trim() } : {}),
  });
  if (parsed.success) return { connection: { mode: d.mode, proxy: parsed.data }, errors: {} };
  const errors: Errors = {};
  for (const issue of parsed.error.issues) {
    const field = (fieldOfMessage(issue.message) ?? issue.path[0]) as ProxyField;
    errors[field] ??= issue.message;
  }
  return { connection: { mode: d.mode }, errors: d.mode === 'proxy' ? errors : {} };
}

const FIELDS: ProxyField[] = ['host', 'port', 'username', 'password'];

/** Settings → "Connect to vendors": directly, the system proxy, or this proxy (with a keychain-kept password). */
export function ConnectionSection({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const id = useId();
  const update = useSettingsStore((s) => s.update);
  const [draft, setDraft] = useState<Draft>(() => toDraft(settings.connection));
  const [dirty, setDirty] = useState(false);
  const [password, setPassword] = useState('');
  const [hasPassword, setHasPassword] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [status, setStatus] = useState<SaveStatus>({ state: 'idle' });
  const [test, setTest] = useState<TestState>({ state: 'idle' });
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    if (!dirty) setDraft(toDraft(settings.connection));
  }, [settings.connection, dirty]);
  useEffect(() => {
    void getApi()
      .settings.proxyPassword()
      .then((r) => r.ok && setHasPassword(r.data.hasPassword));
  }, []);

  const translated = (e: Errors): Errors =>
    Object.fromEntries(Object.entries(e).map(([f, m]) => [f, m ? fieldMessage(f as ProxyField, t) : null]));

  const change = (patch: Partial<Draft>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    setDirty(true);
    setNotice(null);
    if (status.state !== 'saving') setStatus({ state: 'idle' });
    if (Object.values(errors).some(Boolean)) setErrors(translated(toConnection(next).errors));
  };

  /** The connection on screen, or null after showing what to fix. */
  const checked = (): ConnectionSettings | null => {
    const { connection, errors: found } = toConnection(draft);
    setErrors(translated(found));
    const first = FIELDS.find((f) => found[f]);
    if (first) {
      document.getElementById(`${id}-${first}`)?.focus();
      return null;
    }
    return connection;
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const connection = checked();
    if (!connection) return;
    setStatus({ state: 'saving' });
    const saved = await update({ connection });
    if (!saved.ok) {
      const field = saved.error.field?.replace(/^connection\.proxy\./, '') as ProxyField | undefined;
      if (field && FIELDS.includes(field)) {
        setErrors({ [field]: fieldMessage(field, t) });
        setStatus({ state: 'idle' });
      } else setStatus({ state: 'error', error: saved.error });
      return;
    }
    if (password) {
      const kept = await getApi().settings.setProxyPassword({ password });
      if (!kept.ok) {
        if (kept.error.field === 'password') setErrors({ password: fieldMessage('password', t) });
        setStatus({ state: 'error', error: kept.error });
        return;
      }
      setHasPassword(kept.data.hasPassword);
      setPassword('');
    }
    setDirty(false);
    setStatus({ state: 'saved' });
  };

  const forget = async () => {
    const r = await getApi().settings.setProxyPassword({ password: null });
    if (r.ok) {
      setHasPassword(r.data.hasPassword);
      setNotice(t('connection.passwordForgotten'));
    } else setStatus({ state: 'error', error: r.error });
  };

  const runTest = async () => {
    const connection = checked();
    if (!connection) return;
    setTest({ state: 'running' });
    const r = await getApi().settings.testConnection({ connection, ...(password ? { password } : {}) });
    setTest(r.ok ? { state: 'done', result: r.data } : { state: 'error', error: r.error });
  };

  const text = (field: 'host' | 'port' | 'username', label: string, help: string, narrow = false) => {
    const inputId = `${id}-${field}`;
    const error = errors[field];
    return (
      <Field id={inputId} label={label} help={help} error={error}>
        <input
          id={inputId}
          className={narrow ? 'input input-narrow' : 'input'}
          type="text"
          inputMode={field === 'port' ? 'numeric' : 'text'}
          value={draft[field]}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(inputId, true, error)}
          onChange={(e) => change({ [field]: e.target.value })}
          onBlur={(e) => {
            if (!leavingToSubmit(e) && draft.mode === 'proxy') {
              setErrors((old) => ({ ...old, [field]: translated(toConnection(draft).errors)[field] ?? null }));
            }
          }}
        />
      </Field>
    );
  };

  const saving = status.state === 'saving';
  const running = test.state === 'running';
  const passwordId = `${id}-password`;
  const okCount = test.state === 'done' ? test.result.items.filter((i) => i.ok).length : 0;

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="connection-section">
      <h2 id={`${id}-title`}>{t('connection.title')}</h2>
      <p className="muted">{t('connection.intro')}</p>
      <form onSubmit={onSubmit} noValidate className="form">
        <fieldset className="fieldset">
          <legend className="field-label">{t('connection.modeLegend')}</legend>
          {CONNECTION_MODES.map((mode) => (
            <label key={mode} className="connection-mode">
              <input
                type="radio"
                name={`${id}-mode`}
                value={mode}
                checked={draft.mode === mode}
                onChange={() => change({ mode })}
                aria-describedby={`${id}-mode-${mode}-help`}
              />
              <span>{t(`connection.mode.${mode}`)}</span>
              <span id={`${id}-mode-${mode}-help`} className="field-help">
                {t(`connection.modeHelp.${mode}`)}
              </span>
            </label>
          ))}
        </fieldset>
        {draft.mode === 'proxy' ? (
          <fieldset className="fieldset form-grid connection-proxy">
            <legend>{t('connection.mode.proxy')}</legend>
            <Field id={`${id}-protocol`} label={t('connection.protocol')}>
              <select
                id={`${id}-protocol`}
                className="input input-narrow"
                value={draft.protocol}
                onChange={(e) => change({ protocol: e.target.value as Protocol })}
              >
                {PROXY_PROTOCOLS.map((p) => (
                  <option key={p} value={p}>
                    {t(`connection.protocolName.${p}`)}
                  </option>
                ))}
              </select>
            </Field>
            {text('host', t('connection.host'), t('connection.hostHelp'))}
            {text('port', t('connection.port'), t('connection.portHelp'), true)}
            {text('username', t('connection.username'), t('connection.usernameHelp'))}
            <Field
              id={passwordId}
              label={t('connection.password')}
              help={hasPassword ? t('connection.passwordSavedHelp') : t('connection.passwordNoneHelp')}
              error={errors.password}
            >
              <input
                id={passwordId}
                className="input"
                type="password"
                value={password}
                autoComplete="new-password"
                placeholder={hasPassword ? t('connection.passwordSaved') : ''}
                aria-invalid={errors.password ? true : undefined}
                aria-describedby={describedBy(passwordId, true, errors.password)}
                onChange={(e) => {
                  setPassword(e.target.value);
                  setDirty(true);
                  setNotice(null);
                }}
              />
              {hasPassword ? (
                <div className="row-actions">
                  <button type="button" className="btn btn-small" onClick={() => void forget()}>
                    {t('connection.forgetPassword')}
                  </button>
                </div>
              ) : null}
            </Field>
          </fieldset>
        ) : null}
        <div className="section-status">
          <button type="submit" className="btn btn-primary" disabled={saving} aria-busy={saving || undefined}>
            {t('connection.save')}
          </button>
          <SaveStatusLine status={status} />
          {dirty && status.state === 'idle' ? <span className="muted small">{t('connection.unsaved')}</span> : null}
          {notice ? <span role="status">{notice}</span> : null}
        </div>
      </form>
      <div className="row-actions">
        <button
          type="button"
          className="btn"
          disabled={running}
          aria-busy={running || undefined}
          aria-describedby={`${id}-test-help`}
          onClick={() => void runTest()}
        >
          {t('connection.test')}
        </button>
      </div>
      <p id={`${id}-test-help`} className="field-help">
        {t('connection.testHelp')}
      </p>
      <div role="status" aria-live="polite">
        {running ? (
          <p className="progress">
            <span className="spinner" aria-hidden="true" /> {t('connection.testing')}
          </p>
        ) : null}
        {test.state === 'done' ? (
          <div className="flash connection-results" data-testid="connection-results">
            <p>{t('connection.summary', { ok: okCount, total: test.result.items.length })}</p>
            <ul>
              {test.result.items.map((item) => (
                <li key={`${item.vendor}|${item.origin}`} className={item.ok ? 'result-ok' : 'result-error'}>
                  <span aria-hidden="true">{item.ok ? '✓ ' : '✗ '}</span>
                  {resultText(item, t)}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
      {test.state === 'error' ? (
        <p className="inline-error" role="alert">
          {errorText(test.error)}
        </p>
      ) : null}
    </section>
  );
}
