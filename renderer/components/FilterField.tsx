import { type ReactNode, useId } from 'react';

/** A small labelled filter control: the label names only the control (not its options). */
export function FilterField({
  label,
  className,
  children,
}: {
  label: string;
  className?: string;
  children: (id: string) => ReactNode;
}) {
  const id = useId();
  return (
    <div className={className ? `scope-field ${className}` : 'scope-field'}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {children(id)}
    </div>
  );
}
