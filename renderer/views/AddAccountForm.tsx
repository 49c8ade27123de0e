/**
 * The add-account form. Credentials live only in this component's state; they are cleared when
 * the form closes (and dropped with it), never put in a store, never logged.
 */
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VendorSummary } from '../../preload/contract/channels';
import type { AppError } from '../../preload/contract/errors';
import type { ConnectionCheck, VendorId } from '../../preload/contract/model';
import { VENDOR_FORM_RULES } from '../../preload/contract/vendors';
import { getApi } from '../api';
import { Dialog } from '../components/Dialog';
import { describedBy, Field, leavingToSubmit } from '../components/Field';
import { useConnectionText, useErrorText } from '../lib/error-text';
import { checkTextRule, ruleHelpText, ruleProblemText, validateCredential, validateLabel } from '../lib/validation';
import { useAccountsStore } from '../stores/accounts';
import { useAppStore } from '../stores/app';
import { useVendorsStore } from '../stores/vendors';

type Errors = Record<string, string | null>;
interface TestState {
  pending: boolean;
  result: ConnectionCheck | null;
  error: AppError | null;
}
const NO_TEST: TestState = { pending: false, result: null, error: null };
const credKey = (name: string) => `cred:${name}`;

/** Which form field a server error belongs to, if any. */
function errorField(error: AppError, vendor: VendorSummary | undefined): string | null {
  if (error.code === 'duplicate_label') return 'label';
  const field = error.field;
  if (!field) return null;
  if (field === 'label' || field === 'vendor') return field;
  const name = field.replace(/^credentials\.?/, '');
  if (vendor?.fields.some((f) => f.name === name)) return credKey(name);
  return null;
}

export function AddAccountForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const connectionText = useConnectionText();
  const vendors = useVendorsStore((s) => s.list);
  const vendorsLoad = useVendorsStore((s) => s.load);
  const fetchVendors = useVendorsStore((s) => s.fetch);
  const addAccount = useAccountsStore((s) => s.addAccount);
  const setFlash = useAppStore((s) => s.setFlash);
  const baseId = useId();
  const formRef = useRef<HTMLFormElement>(null);

  const [vendorId, setVendorId] = useState<VendorId | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const [shown, setShown] = useState<Record<string, boolean>>({});
  const [label, setLabel] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [test, setTest] = useState<TestState>(NO_TEST);
  const [saving, setSaving] = useState(false);

  const vendor = vendors.find((v) => v.id === vendorId);
  /** The vendor's declared shape rule of a credential field (VENDOR_FORM_RULES), if any. */
  const ruleOf = (name: string) => (vendorId ? VENDOR_FORM_RULES[vendorId]?.credentials[name] : undefined);
  const fieldText = (field: { name: string; label: string; help: string }) => {
    const rule = ruleOf(field.name);
    const rules = rule ? ruleHelpText(rule, t) : '';
    const help = t(`vendorFields.${vendorId}.${field.name}.help`, { defaultValue: field.help });
    return {
      label: t(`vendorFields.${vendorId}.${field.name}.label`, { defaultValue: field.label }),
      help: rules ? `${help} ${t('formsPlus.credentials.rules', { rules })}` : help,
    };
  };
  /** The contract's rule (required, no spaces, length), then the vendor's shape rule. */
  const checkField = (name: string, value: string): string | null => {
    const base = validateCredential(value, t);
    if (base) return base;
    const rule = ruleOf(name);
    return rule ? ruleProblemText(checkTextRule(value.trim(), rule), t) : null;
  };

  const clearAll = () => {
    setValues({});
    setShown({});
    setLabel('');
    setErrors({});
    setFormError(null);
    setTest(NO_TEST);
    setVendorId(null);
  };

  const close = () => {
    if (saving) return;
    clearAll();
    onClose();
  };

  const setError = (key: string, message: string | null) => setErrors((e) => ({ ...e, [key]: message }));

  const chooseVendor = (id: VendorId) => {
    setVendorId(id);
    // Another vendor asks for other keys: start those fresh.
    setValues({});
    setShown({});
    setErrors((e) => ({ label: e.label ?? null }));
    setFormError(null);
    setTest(NO_TEST);
  };

  const credentials = () =>
    Object.fromEntries((vendor?.fields ?? []).map((f) => [f.name, (values[f.name] ?? '').trim()]));

  /** Validates the credential fields (and the label when `withLabel`); returns the first invalid input id. */
  const validate = (withLabel: boolean): string | null => {
    const next: Errors = {};
    let first: string | null = null;
    if (!vendor) {
      next.vendor = t('validation.vendorRequired');
      first = `${baseId}-vendor-0`;
    }
    for (const f of vendor?.fields ?? []) {
      const message = checkField(f.name, values[f.name] ?? '');
      next[credKey(f.name)] = message;
      if (message && !first) first = `${baseId}-${f.name}`;
    }
    if (withLabel) {
      const message = validateLabel(label, t);
      next.label = message;
      if (message && !first) first = `${baseId}-label`;
    }
    setErrors((e) => ({ ...e, ...next }));
    return first;
  };

  const focusInvalid = (id: string) => formRef.current?.querySelector<HTMLElement>(`[id="${id}"]`)?.focus();

  const applyServerError = (error: AppError) => {
    const key = errorField(error, vendor);
    if (key) {
      setError(key, errorText(error));
      setFormError(null);
      focusInvalid(key === 'label' ? `${baseId}-label` : `${baseId}-${key.replace(/^cred:/, '')}`);
    } else {
      setFormError(errorText(error));
    }
  };

  const onTest = async () => {
    setFormError(null);
    const invalid = validate(false);
    if (invalid || !vendor) {
      if (invalid) focusInvalid(invalid);
      return;
    }
    setTest({ pending: true, result: null, error: null });
    const result = await getApi().accounts.testCredentials({ vendor: vendor.id, credentials: credentials() });
    if (result.ok && !result.data.ok && result.data.field && vendor.fields.some((f) => f.name === result.data.field)) {
      // The vendor named the wrong field (Thordata: token or key): say it under that field.
      const name = result.data.field;
      setTest(NO_TEST);
      setError(credKey(name), connectionText(result.data));
      focusInvalid(`${baseId}-${name}`);
    } else if (result.ok) setTest({ pending: false, result: result.data, error: null });
    else {
      setTest(NO_TEST);
      const key = errorField(result.error, vendor);
      if (key) applyServerError(result.error);
      else setTest({ pending: false, result: null, error: result.error });
    }
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setFormError(null);
    const invalid = validate(true);
    if (invalid || !vendor) {
      setFormError(t('addForm.fixErrors'));
      if (invalid) focusInvalid(invalid);
      return;
    }
    setSaving(true);
    const trimmedLabel = label.trim();
    const result = await addAccount({ vendor: vendor.id, label: trimmedLabel, credentials: credentials() });
    setSaving(false);
    if (result.ok) {
      clearAll();
      setFlash(t('addForm.added', { label: result.data.label }));
      onClose();
    } else {
      applyServerError(result.error);
    }
  };

  const busy = saving || test.pending;

  return (
    <Dialog title={t('addForm.title')} onClose={close} busy={saving} wide>
      <form ref={formRef} onSubmit={onSubmit} noValidate className="form">
        <fieldset className="fieldset" aria-describedby={`${baseId}-vendor-hint`}>
          <legend className="field-label">{t('addForm.vendorLegend')}</legend>
          <p id={`${baseId}-vendor-hint`} className="field-help">
            {t('addForm.vendorHint')}
          </p>
          {vendorsLoad.error && vendors.length === 0 ? (
            <div className="inline-error" role="alert">
              {errorText(vendorsLoad.error)}{' '}
              <button type="button" className="btn btn-small" onClick={() => void fetchVendors()}>
                {t('app.tryAgain')}
              </button>
            </div>
          ) : vendors.length === 0 ? (
            <p role="status">{t('app.loading')}</p>
          ) : (
            <div className="vendor-cards">
              {vendors.map((v, i) => (
                <label key={v.id} className={v.id === vendorId ? 'vendor-card selected' : 'vendor-card'}>
                  <input
                    type="radio"
                    name={`${baseId}-vendor`}
                    id={`${baseId}-vendor-${i}`}
                    value={v.id}
                    checked={v.id === vendorId}
                    onChange={() => chooseVendor(v.id)}
                    disabled={saving}
                  />
                  <span className="vendor-card-name">{v.name}</span>
                </label>
              ))}
            </div>
          )}
          {errors.vendor && !vendor ? (
            <p className="field-error" role="alert">
              {errors.vendor}
            </p>
          ) : null}
        </fieldset>

        {vendor ? (
          <fieldset className="fieldset">
            <legend className="field-label">{t('addForm.credentialsLegend', { vendor: vendor.name })}</legend>
            {vendor.fields.map((f) => {
              const id = `${baseId}-${f.name}`;
              const text = fieldText(f);
              const error = errors[credKey(f.name)];
              const visible = !f.secret || shown[f.name];
              return (
                <Field key={f.name} id={id} label={text.label} help={text.help} error={error}>
                  <div className="input-with-button">
                    <input
                      id={id}
                      className="input input-mono"
                      type={visible ? 'text' : 'password'}
                      value={values[f.name] ?? ''}
                      autoComplete="off"
                      autoCapitalize="off"
                      autoCorrect="off"
                      spellCheck={false}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={describedBy(id, true, error)}
                      disabled={saving}
                      onChange={(e) => {
                        const value = e.target.value;
                        setValues((s) => ({ ...s, [f.name]: value }));
                        if (test.result || test.error) setTest(NO_TEST);
                        // Checked as the user types (an empty field is only "required" once they leave it).
                        setError(credKey(f.name), value.trim() ? checkField(f.name, value) : null);
                      }}
                      onBlur={(e) => {
                        if (!leavingToSubmit(e)) setError(credKey(f.name), checkField(f.name, e.target.value));
                      }}
                    />
                    {f.secret ? (
                      <button
                        type="button"
                        className="btn btn-ghost btn-small"
                        aria-controls={id}
                        onClick={() => setShown((s) => ({ ...s, [f.name]: !s[f.name] }))}
                      >
                        {shown[f.name] ? t('common.hide') : t('common.show')}
                      </button>
                    ) : null}
                  </div>
                </Field>
              );
            })}
            <p className="field-help">{t('addForm.secretNote')}</p>
          </fieldset>
        ) : (
          <p className="muted">{t('addForm.chooseVendor')}</p>
        )}

        <Field
          id={`${baseId}-label`}
          label={t('addForm.label')}
          help={t('addForm.labelHelp', { vendor: vendor?.name ?? 'Thordata' })}
          error={errors.label}
        >
          <input
            id={`${baseId}-label`}
            className="input"
            type="text"
            value={label}
            maxLength={120}
            autoComplete="off"
            aria-invalid={errors.label ? true : undefined}
            aria-describedby={describedBy(`${baseId}-label`, true, errors.label)}
            disabled={saving}
            onChange={(e) => {
              setLabel(e.target.value);
              if (errors.label) setError('label', validateLabel(e.target.value, t));
            }}
            onBlur={(e) => {
              if (!leavingToSubmit(e)) setError('label', validateLabel(e.target.value, t));
            }}
          />
        </Field>

        <div className="test-result" role="status">
          {test.pending ? (
            <span className="progress">
              <span className="spinner" aria-hidden="true" /> {t('addForm.testing')}
            </span>
          ) : test.result?.ok ? (
            <span className="result-ok">{connectionText(test.result)}</span>
          ) : null}
        </div>
        {test.result && !test.result.ok ? (
          <div className="result-error" role="alert">
            {connectionText(test.result)}
          </div>
        ) : null}
        {test.error ? (
          <div className="result-error" role="alert">
            {errorText(test.error)}
          </div>
        ) : null}
        {formError ? (
          <div className="form-error" role="alert">
            {formError}
          </div>
        ) : null}

        <div className="dialog-actions">
          <button type="button" className="btn" onClick={() => void onTest()} disabled={busy || !vendor}>
            {t('addForm.test')}
          </button>
          <span className="spacer" />
          <button type="button" className="btn btn-ghost" onClick={close} disabled={saving}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={saving} aria-busy={saving || undefined}>
            {saving ? t('addForm.saving') : t('addForm.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
