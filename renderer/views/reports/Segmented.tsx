/** A row of toggle buttons with its name (a fieldset, so screen readers say what the choice is about). */
export function Segmented<T extends string>({
  label,
  options,
  value,
  onChange,
  showLabel = false,
}: {
  label: string;
  options: { value: T; label: string }[];
  value: T | null;
  onChange: (v: T) => void;
  showLabel?: boolean;
}) {
  return (
    <fieldset className="reports-segmented">
      <legend className={showLabel ? 'muted small reports-legend' : 'reports-legend-hidden'}>{label}</legend>
      <div className="segmented">
        {options.map((o) => (
          <button
            key={o.value}
            type="button"
            className="segment"
            aria-pressed={value === o.value}
            onClick={() => onChange(o.value)}
          >
            {o.label}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
