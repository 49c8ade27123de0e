import { useTranslation } from 'react-i18next';
import { FilterField } from '../../components/FilterField';
import { EXPORT_FORMATS, type ExportFormat, TEMPLATE_TOKENS } from '../../lib/proxy-format';
import { type IpExport, PREVIEW_LINES } from './useIpExport';

const FORMAT_LABEL: Record<ExportFormat, string> = {
  'ip:port:user:pass': 'colon',
  'user:pass@ip:port': 'at',
  http: 'http',
  socks5: 'socks5',
  csv: 'csv',
  template: 'template',
};

/** The IPs view's export panel: format, template, copy / export of the selected rows, a preview. */
export function ExportPanel({
  headingId,
  exp,
  count,
  reveal,
}: {
  headingId: string;
  exp: IpExport;
  count: number;
  reveal: boolean;
}) {
  const { t } = useTranslation();
  const { format, template, message } = exp;
  return (
    <section className="panel export-panel" aria-labelledby={`${headingId}-exp`}>
      <h2 id={`${headingId}-exp`} className="panel-title">
        {t('ips.export.title')}
      </h2>
      <div className="export-row">
        <FilterField label={t('ips.export.format')}>
          {(fid) => (
            <select
              id={fid}
              className="input"
              value={format}
              onChange={(e) => exp.setFormat(e.target.value as ExportFormat)}
            >
              {EXPORT_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {t(`ips.export.formats.${FORMAT_LABEL[f]}`)}
                </option>
              ))}
            </select>
          )}
        </FilterField>
        {format === 'template' ? (
          <FilterField label={t('ips.export.template')} className="scope-grow">
            {(fid) => (
              <>
                <input
                  id={fid}
                  className="input input-mono"
                  value={template}
                  onChange={(e) => exp.setTemplate(e.target.value)}
                  aria-describedby={`${headingId}-tokens`}
                />
                <span id={`${headingId}-tokens`} className="field-help">
                  {t('ips.export.tokens', { tokens: TEMPLATE_TOKENS.join(' ') })}
                </span>
              </>
            )}
          </FilterField>
        ) : null}
        <div className="export-buttons">
          <button type="button" className="btn" onClick={() => void exp.copy()} disabled={count === 0}>
            {t('ips.export.copy', { count })}
          </button>
          <button type="button" className="btn btn-primary" onClick={exp.exportFile} disabled={count === 0}>
            {t('ips.export.export', { count })}
          </button>
        </div>
      </div>
      <div role="status" className={message ? (message.ok ? 'flash' : 'inline-error') : 'flash flash-empty'}>
        {message?.text}
      </div>
      <FilterField label={t('ips.export.preview')}>
        {(fid) => (
          <textarea
            id={fid}
            className="input input-mono preview"
            readOnly
            rows={4}
            value={exp.preview}
            placeholder={t('ips.export.previewEmpty')}
          />
        )}
      </FilterField>
      {exp.previewCut ? <p className="muted small">{t('ips.export.previewCut', { count: PREVIEW_LINES })}</p> : null}
      {!reveal ? <p className="muted small">{t('ips.export.maskedNote')}</p> : null}
    </section>
  );
}
