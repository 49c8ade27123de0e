import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BuyDialog } from './BuyDialog';

/** "Buy proxies" in a view's header; opens the buy window. */
export function BuyButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="btn btn-primary" data-testid="buy-open" onClick={() => setOpen(true)}>
        {t('buy.open')}
      </button>
      {open ? <BuyDialog onClose={() => setOpen(false)} /> : null}
    </>
  );
}
