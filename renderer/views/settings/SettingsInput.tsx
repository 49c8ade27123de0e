/** The labelled text input of the settings forms: `${formId}-${field}` id, help, error and aria wiring. */
import { describedBy, Field, leavingToSubmit } from '../../components/Field';

interface SettingsInputProps<F extends string> {
  form: {
    id: string;
    draft: Record<F, string>;
    errors: Partial<Record<F, string | null>>;
    onBlur: (field: F) => void;
    onChange: (field: F, value: string) => void;
  };
  field: F;
  label: string;
  help: string;
  inputMode?: 'numeric' | 'text' | 'url';
  /** Full width instead of the narrow number box. */
  wide?: boolean;
  spellCheck?: boolean;
}

export function SettingsInput<F extends string>({
  form,
  field,
  label,
  help,
  inputMode = 'numeric',
  wide = false,
  spellCheck,
}: SettingsInputProps<F>) {
  const inputId = `${form.id}-${field}`;
  const error = form.errors[field];
  return (
    <Field id={inputId} label={label} help={help} error={error}>
      <input
        id={inputId}
        className={wide ? 'input' : 'input input-narrow'}
        type="text"
        inputMode={inputMode}
        value={form.draft[field]}
        autoComplete="off"
        spellCheck={spellCheck}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(inputId, true, error)}
        onChange={(e) => form.onChange(field, e.target.value)}
        onBlur={(e) => {
          if (!leavingToSubmit(e)) form.onBlur(field);
        }}
      />
    </Field>
  );
}
