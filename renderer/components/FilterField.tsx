import { type ReactNode, useId } from 'react';

/**
 * A small labelled filter control: the label names only the control (not its options). With `error`,
 * the message is shown under the control; the control gets `errorId` for its aria-describedby.
 */
export function FilterField({
  label,
  className,
  error,
  children,
}: {
  label: string;
  className?: string;
  error?: string | null;
  children: (id: string, errorId?: string) => ReactNode;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className={className ? `scope-field ${className}` : 'scope-field'}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {children(id, error ? errorId : undefined)}
      {error ? (
        <span id={errorId} className="field-error scope-error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}
