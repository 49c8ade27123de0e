/** "Export CSV" for one report: main writes the file's text (reports:csv), the window saves it. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveText } from '../../lib/download';
import { useErrorText } from '../../lib/error-text';
import { type CsvKind, useReportsStore } from '../../stores/reports';

export function CsvButton({ kind, label, disabled }: { kind: CsvKind; label: string; disabled?: boolean }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const csv = useReportsStore((s) => s.csv);
  const [state, setState] = useState<{ busy: boolean; saved: string | null; error: string | null }>({
    busy: false,
    saved: null,
    error: null,
  });

  const run = async () => {
    setState({ busy: true, saved: null, error: null });
    const result = await csv(kind);
    if (result.ok) {
      saveText(result.data.content, result.data.fileName, 'text/csv');
      setState({ busy: false, saved: result.data.fileName, error: null });
    } else {
      setState({ busy: false, saved: null, error: errorText(result.error) });
    }
  };

  return (
    <span className="reports-csv">
      <button
        type="button"
        className="btn btn-small"
        disabled={disabled || state.busy}
        aria-busy={state.busy || undefined}
        onClick={() => void run()}
      >
        {label}
      </button>
      {state.saved ? (
        <span className="muted small" role="status">
          {t('reports.csv.saved', { name: state.saved })}
        </span>
      ) : null}
      {state.error ? (
        <span className="inline-error small" role="alert">
          {t('reports.csv.failed', { message: state.error })}
        </span>
      ) : null}
    </span>
  );
}
