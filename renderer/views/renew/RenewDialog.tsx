import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { useRenewalsStore } from '../../stores/renewals';
import '../../styles/renew.css';
import { PeriodStep } from './PeriodStep';
import { QuoteStep } from './QuoteStep';
import { ResultsStep } from './ResultsStep';
import { SendingStep } from './SendingStep';

export { joinTotals } from './QuoteStep';

/** The renew / extend flow dialog; shown while the renewals store is open. */
export function RenewDialog() {
  const { t } = useTranslation();
  const open = useRenewalsStore((s) => s.open);
  const step = useRenewalsStore((s) => s.step);
  const sending = useRenewalsStore((s) => s.sending);
  const close = useRenewalsStore((s) => s.close);
  if (!open) return null;
  return (
    <Dialog title={t('renew.title')} onClose={close} busy={sending} wide>
      <ol className="renew-steps" aria-label={t('renew.steps.label')}>
        <li aria-current={step === 'period' ? 'step' : undefined}>{t('renew.steps.period')}</li>
        <li aria-current={step === 'quote' ? 'step' : undefined}>{t('renew.steps.quote')}</li>
        <li aria-current={step === 'sending' || step === 'results' ? 'step' : undefined}>{t('renew.steps.confirm')}</li>
      </ol>
      {step === 'period' ? <PeriodStep /> : null}
      {step === 'quote' ? <QuoteStep /> : null}
      {step === 'sending' ? <SendingStep /> : null}
      {step === 'results' ? <ResultsStep /> : null}
    </Dialog>
  );
}
