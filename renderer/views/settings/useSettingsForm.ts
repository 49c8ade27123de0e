/**
 * The draft / dirty / per-field errors / save status machinery shared by the settings forms: a field is
 * checked on blur (unless leaving to submit), the first invalid field gets focus on submit, the checked
 * values become one settings patch, and a field error from main is shown on its field.
 */
import { type FormEvent, useEffect, useId, useState } from 'react';
import type { AppError } from '../../../preload/contract/errors';
import type { Settings } from '../../../preload/contract/schemas';
import { useErrorText } from '../../lib/error-text';
import { useSettingsStore } from '../../stores/settings';
import type { SaveStatus } from './SaveStatusLine';

export interface Checked<V> {
  value: V | null;
  error: string | null;
}

export interface SettingsFormConfig<F extends string, V> {
  fields: readonly F[];
  toDraft: (settings: Settings) => Record<F, string>;
  check: (field: F, raw: string) => Checked<V>;
  toPatch: (values: Record<F, V>) => Partial<Settings>;
  /** Which field a refusal from main belongs to; by default its own field when that is one of `fields`. */
  errorField?: (error: AppError) => F | undefined;
  /** Keep the error status line as well as the field error (default: the field error alone). */
  keepErrorStatus?: boolean;
}

export function useSettingsForm<F extends string, V>(settings: Settings, config: SettingsFormConfig<F, V>) {
  const { fields, toDraft, check, toPatch } = config;
  const errorText = useErrorText();
  const id = useId();
  const update = useSettingsStore((s) => s.update);
  const [draft, setDraft] = useState<Record<F, string>>(() => toDraft(settings));
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<F, string | null>>>({});
  const [status, setStatus] = useState<SaveStatus>({ state: 'idle' });

  // Follow changes made elsewhere (settings-changed) unless the user is editing.
  // biome-ignore lint/correctness/useExhaustiveDependencies: toDraft is a module-level mapping
  useEffect(() => {
    if (!dirty) setDraft(toDraft(settings));
  }, [settings, dirty]);

  const onBlur = (field: F) => setErrors((e) => ({ ...e, [field]: check(field, draft[field]).error }));

  const onChange = (field: F, value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setDirty(true);
    if (status.state !== 'saving') setStatus({ state: 'idle' });
    if (errors[field]) setErrors((e) => ({ ...e, [field]: check(field, value).error }));
  };

  const fieldOf = (error: AppError): F | undefined => {
    if (config.errorField) return config.errorField(error);
    const field = error.field as F | undefined;
    return field && fields.includes(field) ? field : undefined;
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = Object.fromEntries(fields.map((f) => [f, check(f, draft[f])])) as Record<F, Checked<V>>;
    setErrors(Object.fromEntries(fields.map((f) => [f, checked[f].error])) as Partial<Record<F, string | null>>);
    const firstInvalid = fields.find((f) => checked[f].error);
    if (firstInvalid) {
      document.getElementById(`${id}-${firstInvalid}`)?.focus();
      return;
    }
    setStatus({ state: 'saving' });
    const values = Object.fromEntries(fields.map((f) => [f, checked[f].value])) as Record<F, V>;
    const result = await update(toPatch(values));
    if (result.ok) {
      setDirty(false);
      setDraft(toDraft(result.data));
      setStatus({ state: 'saved' });
      return;
    }
    const field = fieldOf(result.error);
    if (field && !config.keepErrorStatus) {
      setErrors((e) => ({ ...e, [field]: errorText(result.error) }));
      setStatus({ state: 'idle' });
      return;
    }
    setStatus({ state: 'error', error: result.error });
    if (field) setErrors((e) => ({ ...e, [field]: errorText(result.error) }));
  };

  return { id, draft, errors, status, saving: status.state === 'saving', onBlur, onChange, onSubmit };
}
