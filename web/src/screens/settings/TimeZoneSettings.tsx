import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { useUpdateMe } from '../../api/queries';
import { Alert } from '../../components/Alert';
import { SelectField } from '../../components/Field';
import { useLocale } from '../../i18n';
import { genericErrorMessage } from '../../lib/errors';
import { browserTimeZone, formatInZone, timeZoneChoices } from '../../lib/timeZone';
import { useShell } from '../AppShell';

/** The zone every date is shown in: the browser's by default, or one the person picks. */
export function TimeZoneSettings() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { me } = useShell();
  const update = useUpdateMe();
  const browser = browserTimeZone();
  // '' stands for "use my browser's".
  const [zone, setZone] = useState(me.user.time_zone ?? '');
  const [done, setDone] = useState(false);
  const zones = useMemo(() => timeZoneChoices(), []);
  const now = new Date();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    try {
      await update.mutateAsync({ time_zone: zone || null });
      setDone(true);
    } catch {
      // Shown below.
    }
  };
  const problem = update.isError
    ? isApiError(update.error, 422)
      ? (update.error.fieldErrors().time_zone ?? t('timezone.unknown'))
      : genericErrorMessage(t, update.error)
    : null;
  return (
    <form
      className="form account-section"
      noValidate
      onSubmit={submit}
      aria-labelledby="time-zone-title"
    >
      <h2 id="time-zone-title">{t('timezone.title')}</h2>
      <p className="muted">{t('timezone.intro')}</p>
      {problem && <Alert>{problem}</Alert>}
      {done && <Alert tone="info">{t('settings.saved')}</Alert>}
      <SelectField label={t('timezone.label')} name="time_zone" value={zone} onChange={setZone}>
        <option value="">{t('timezone.browser', { zone: browser })}</option>
        {zones.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </SelectField>
      <p className="muted" aria-live="polite">
        {t('timezone.now_there', {
          time: formatInZone(now, locale, zone || browser, {
            weekday: 'long',
            hour: '2-digit',
            minute: '2-digit',
          }),
        })}
      </p>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={update.isPending}>
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}
