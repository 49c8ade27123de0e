import type { FocusEvent, ReactNode } from 'react';

interface FieldProps {
  id: string;
  label: string;
  help?: ReactNode;
  error?: string | null;
  children: ReactNode;
}

/** A labelled form field with help text and an error line; the input gets aria-describedby via ids. */
export function Field({ id, label, help, error, children }: FieldProps) {
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {children}
      {help ? (
        <p id={`${id}-help`} className="field-help">
          {help}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function describedBy(id: string, hasHelp: boolean, error: string | null | undefined): string | undefined {
  const ids = [hasHelp ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/**
 * True when a field loses focus to a submit button. Blur validation skips that case: the submit
 * validates anyway, and an error line appearing under the field would move the button away from the
 * pointer between mouse down and up, so the click would be lost.
 */
export function leavingToSubmit(e: FocusEvent<HTMLElement>): boolean {
  const next = e.relatedTarget;
  return next instanceof HTMLButtonElement && next.type === 'submit';
}
