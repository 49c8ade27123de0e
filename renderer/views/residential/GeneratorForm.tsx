import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '../../../preload/contract/channels';
import type { WhitelistEntry } from '../../../preload/contract/model';
import type {
  ResidentialForm,
  ResidentialModeInfo,
  ResidentialNote,
  ResidentialPlace,
  ResidentialProtocol,
  ResidentialResult,
  SessionKind,
} from '../../../preload/contract/residential';
import { getApi } from '../../api';
import { describedBy, Field } from '../../components/Field';
import { useErrorText } from '../../lib/error-text';
import { LocationPicker } from './LocationPicker';
import { ResultPanel } from './ResultPanel';
import { WhitelistStep } from './WhitelistStep';

const loginKey = (accountId: string) => `proxydeck.residential.login.${accountId}`;
const remembered = (accountId: string) => {
  try {
    return localStorage.getItem(loginKey(accountId)) ?? '';
  } catch {
    return '';
  }
};

/** Notes about sticky sessions only. */
const STICKY_NOTES: ReadonlySet<ResidentialNote> = new Set(['stickyFixed10', 'lifetimeMinutes', 'ttlUnverified']);

type Errors = Partial<Record<'login' | 'count' | 'lifetime' | 'country' | 'server', string>>;

/** The generator for one account: source, login, location, session, count and protocol, then the result. */
export function GeneratorForm({ account, form }: { account: AccountSummary; form: ResidentialForm }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const id = useId();
  const [modeName, setModeName] = useState(form.modes[0]?.mode ?? 'extract');
  const mode: ResidentialModeInfo = form.modes.find((m) => m.mode === modeName) ?? form.modes[0]!;
  const [typedLogin, setTypedLogin] = useState(() => remembered(account.id));
  const [pickedLogin, setPickedLogin] = useState('');
  const [country, setCountry] = useState<ResidentialPlace | null>(null);
  const [state, setState] = useState<ResidentialPlace | null>(null);
  const [city, setCity] = useState<ResidentialPlace | null>(null);
  const [session, setSession] = useState<SessionKind>(mode.sessions[0] ?? 'rotating');
  const [lifetime, setLifetime] = useState('10');
  const [count, setCount] = useState('10');
  const [protocol, setProtocol] = useState<ResidentialProtocol>('http');
  const [gateway, setGateway] = useState('');
  const [server, setServer] = useState(mode.servers[0]?.id ?? '');
  const [treeNotes, setTreeNotes] = useState<ResidentialNote[]>([]);
  // The whitelist of each mode as last read (an IP added here updates it).
  const [added, setAdded] = useState<WhitelistEntry[] | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<{ text: string; whitelist: boolean } | null>(null);
  const [result, setResult] = useState<ResidentialResult | null>(null);
  // The login the result was generated with (its sub-user can be assigned to a customer).
  const [resultLogin, setResultLogin] = useState<string | null>(null);

  // ProxyShard has no "general" list: a pool or sub-user is always picked.
  const loginRequired = mode.login === 'pick' && mode.mode === 'gateway';
  useEffect(() => {
    if (loginRequired && !pickedLogin && form.logins[0]) setPickedLogin(form.logins[0].id);
  }, [loginRequired, pickedLogin, form.logins]);

  const login = mode.login === 'typed' ? typedLogin.trim() : pickedLogin;
  const treeLogin = mode.login === 'pick' ? pickedLogin || undefined : undefined;
  const scope = { accountId: account.id, mode: mode.mode, login: treeLogin };
  const resetPlaces = () => {
    setCountry(null);
    setState(null);
    setCity(null);
  };
  const has = (l: 'state' | 'city') => mode.levels.includes(l);
  const whitelistEntries = mode.whitelist?.canAdd && added ? added : (mode.whitelist?.entries ?? null);

  const validate = (): Errors => {
    const e: Errors = {};
    const n = Number(count);
    if (!/^\d+$/.test(count.trim()) || n < 1 || n > mode.maxCount)
      e.count = t('residential.countError', { max: mode.maxCount });
    if (mode.login === 'typed' && !typedLogin.trim()) e.login = t('residential.loginError');
    if (mode.countryRequired && !country) e.country = t('residential.countryError');
    if (mode.servers.length > 0 && !server) e.server = t('residential.serverError');
    if (session === 'sticky' && mode.lifetime) {
      const m = Number(lifetime);
      if (!/^\d+$/.test(lifetime.trim()) || m < mode.lifetime.min || m > mode.lifetime.max) {
        e.lifetime = t('residential.lifetimeError', mode.lifetime);
      }
    }
    return e;
  };

  const onSubmit = async (ev: FormEvent) => {
    ev.preventDefault();
    if (pending) return;
    const e = validate();
    setErrors(e);
    if (Object.keys(e).length > 0) return;
    if (mode.login === 'typed') {
      try {
        localStorage.setItem(loginKey(account.id), typedLogin.trim());
      } catch {
        // Not remembered; nothing else depends on it.
      }
    }
    setPending(true);
    setFailure(null);
    const r = await getApi().residential.generate({
      accountId: account.id,
      mode: mode.mode,
      ...(login ? { login } : {}),
      ...(country ? { country: country.code } : {}),
      ...(state && has('state') ? { state: state.code } : {}),
      ...(city && has('city') ? { city: city.code } : {}),
      session,
      ...(session === 'sticky' && mode.lifetime ? { lifetimeMinutes: Number(lifetime) } : {}),
      count: Number(count),
      protocol,
      ...(gateway ? { gateway } : {}),
      ...(mode.servers.length > 0 && server ? { server } : {}),
    });
    setPending(false);
    if (r.ok) {
      setResult(r.data);
      setResultLogin(login || null);
    } else {
      setResult(null);
      setFailure({ text: errorText(r.error), whitelist: r.error.vendorCode === '117' });
    }
  };

  const err = (k: keyof Errors) => errors[k] ?? null;
  const loginLabel = (l: { id: string; label: string }) =>
    l.id.startsWith('owner:')
      ? t('residential.ownerPool', { pool: t(`residential.pools.${l.label}`, { defaultValue: l.label }) })
      : l.label;

  return (
    <>
      <form className="card res-form" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`} className="panel-title">
          {t(`residential.modes.${mode.mode}`)}
        </h2>
        <div className="res-row">
          {form.modes.length > 1 ? (
            <Field id={`${id}-mode`} label={t('residential.mode')}>
              <select
                id={`${id}-mode`}
                className="input"
                value={mode.mode}
                onChange={(e) => {
                  setModeName(e.target.value as typeof modeName);
                  resetPlaces();
                  setResult(null);
                }}
              >
                {form.modes.map((m) => (
                  <option key={m.mode} value={m.mode}>
                    {t(`residential.modes.${m.mode}`)}
                  </option>
                ))}
              </select>
            </Field>
          ) : null}
          {mode.login === 'typed' ? (
            <Field
              id={`${id}-login`}
              label={t('residential.loginTyped')}
              help={t('residential.loginTypedHelp')}
              error={err('login')}
            >
              <input
                id={`${id}-login`}
                className="input input-mono"
                value={typedLogin}
                autoComplete="off"
                spellCheck={false}
                aria-invalid={err('login') ? true : undefined}
                aria-describedby={describedBy(`${id}-login`, true, err('login'))}
                onChange={(e) => setTypedLogin(e.target.value)}
              />
            </Field>
          ) : null}
          {mode.login === 'pick' ? (
            <Field id={`${id}-pick`} label={t('residential.loginPick')}>
              <select
                id={`${id}-pick`}
                className="input"
                value={pickedLogin}
                onChange={(e) => {
                  setPickedLogin(e.target.value);
                  resetPlaces();
                  setTreeNotes([]);
                }}
              >
                {loginRequired ? null : <option value="">{t('residential.loginGeneral')}</option>}
                {form.logins.map((l) => (
                  <option key={l.id} value={l.id}>
                    {loginLabel(l)}
                  </option>
                ))}
              </select>
            </Field>
          ) : null}
          {mode.servers.length > 0 ? (
            <Field id={`${id}-server`} label={t('residential.server')} error={err('server')}>
              <select id={`${id}-server`} className="input" value={server} onChange={(e) => setServer(e.target.value)}>
                {mode.servers.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.label}
                  </option>
                ))}
              </select>
            </Field>
          ) : null}
        </div>

        <div className="res-pickers">
          <LocationPicker
            level="country"
            scope={scope}
            value={country}
            required={mode.countryRequired}
            blocked={null}
            onNotes={setTreeNotes}
            onChange={(p) => {
              setCountry(p);
              setState(null);
              setCity(null);
            }}
          />
          {has('state') ? (
            <LocationPicker
              level="state"
              scope={{ ...scope, country: country?.code }}
              value={state}
              required={false}
              blocked={country ? null : t('residential.chooseCountryFirst')}
              onChange={(p) => {
                setState(p);
                setCity(null);
              }}
            />
          ) : null}
          {has('city') ? (
            <LocationPicker
              level="city"
              scope={{ ...scope, country: country?.code, state: state?.code }}
              value={city}
              required={false}
              blocked={
                !country
                  ? t('residential.chooseCountryFirst')
                  : mode.cityNeedsState && !state
                    ? t('residential.chooseStateFirst')
                    : null
              }
              onChange={setCity}
            />
          ) : null}
        </div>
        {err('country') ? (
          <p className="field-error" role="alert">
            {err('country')}
          </p>
        ) : null}
        {treeNotes.map((n) => (
          <p key={n} className="muted small">
            {t(`residential.notes.${n}`)}
          </p>
        ))}

        <fieldset className="res-row res-fieldset">
          <legend className="field-label">{t('residential.session')}</legend>
          {mode.sessions.map((s) => (
            <label key={s} className="res-radio">
              <input
                type="radio"
                name={`${id}-session`}
                value={s}
                checked={session === s}
                onChange={() => setSession(s)}
              />
              {t(`residential.sessions.${s}`)}
            </label>
          ))}
        </fieldset>
        <div className="res-row">
          {session === 'sticky' && mode.lifetime ? (
            <Field id={`${id}-life`} label={t('residential.lifetime')} error={err('lifetime')}>
              <input
                id={`${id}-life`}
                className="input res-num"
                inputMode="numeric"
                value={lifetime}
                aria-invalid={err('lifetime') ? true : undefined}
                aria-describedby={describedBy(`${id}-life`, false, err('lifetime'))}
                onChange={(e) => setLifetime(e.target.value)}
              />
            </Field>
          ) : null}
          <Field id={`${id}-count`} label={t('residential.count')} error={err('count')}>
            <input
              id={`${id}-count`}
              className="input res-num"
              inputMode="numeric"
              value={count}
              aria-invalid={err('count') ? true : undefined}
              aria-describedby={describedBy(`${id}-count`, false, err('count'))}
              onChange={(e) => setCount(e.target.value)}
            />
          </Field>
          <Field id={`${id}-proto`} label={t('residential.protocol')}>
            <select
              id={`${id}-proto`}
              className="input"
              value={protocol}
              onChange={(e) => setProtocol(e.target.value as ResidentialProtocol)}
            >
              <option value="http">{t('residential.protocols.http')}</option>
              <option value="socks5">{t('residential.protocols.socks5')}</option>
            </select>
          </Field>
          {mode.gateways.length > 0 ? (
            <Field id={`${id}-gw`} label={t('residential.gateway')}>
              <select id={`${id}-gw`} className="input" value={gateway} onChange={(e) => setGateway(e.target.value)}>
                <option value="">{t('residential.gatewayDefault')}</option>
                {mode.gateways.map((g) => (
                  <option key={g} value={g}>
                    {g}
                  </option>
                ))}
              </select>
            </Field>
          ) : null}
        </div>
        {mode.notes
          .filter((n) => n !== 'whitelistNeeded' && (session === 'sticky' || !STICKY_NOTES.has(n)))
          .map((n) => (
            <p key={n} className="muted small">
              {t(`residential.notes.${n}`)}
            </p>
          ))}
        {failure ? (
          <div className="form-error" role="alert">
            {failure.text}
          </div>
        ) : null}
        <div className="dialog-actions">
          <span className="spacer" />
          <button type="submit" className="btn btn-primary" disabled={pending} aria-busy={pending || undefined}>
            {pending ? t('residential.generating') : t('residential.generate')}
          </button>
        </div>
      </form>
      {mode.whitelist ? (
        <WhitelistStep
          accountId={account.id}
          entries={whitelistEntries}
          canAdd={mode.whitelist.canAdd}
          refused={failure?.whitelist ?? false}
          onChanged={setAdded}
        />
      ) : null}
      {result ? <ResultPanel result={result} account={account} login={resultLogin} /> : null}
    </>
  );
}
