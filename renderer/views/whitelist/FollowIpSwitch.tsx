/** The "Follow my IP" switch (settings.followPublicIp), in the Whitelists view and in Settings. */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../lib/error-text';
import { useSettingsStore } from '../../stores/settings';
import './whitelist-bulk.css';

export function FollowIpSwitch({ withHelp = false }: { withHelp?: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const errorText = useErrorText();
  const on = useSettingsStore((s) => s.settings?.followPublicIp ?? false);
  const loaded = useSettingsStore((s) => s.settings !== null);
  const update = useSettingsStore((s) => s.update);
  // Shown at once while the setting is saved (then the saved value again).
  const [want, setWant] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  const checked = want ?? on;
  return (
    <div className="wlb-follow">
      <label className="wlb-switch" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          role="switch"
          aria-checked={checked}
          checked={checked}
          disabled={!loaded}
          aria-describedby={withHelp ? `${id}-help` : undefined}
          onChange={async (e) => {
            const next = e.target.checked;
            setWant(next);
            setError(null);
            const r = await update({ followPublicIp: next });
            setWant(null);
            if (!r.ok) setError(errorText(r.error));
          }}
        />
        <span>{t('whitelistBulk.follow.label')}</span>
      </label>
      {withHelp ? (
        <p id={`${id}-help`} className="muted small">
          {t('whitelistBulk.follow.help')}
        </p>
      ) : null}
      {error ? (
        <div className="form-error" role="alert">
          {error}
        </div>
      ) : null}
    </div>
  );
}

/** The Settings card holding the same switch, with what it does. */
export function FollowIpSection() {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('whitelistBulk.follow.label')}</h2>
      <FollowIpSwitch withHelp />
    </section>
  );
}
