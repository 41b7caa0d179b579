import { useTranslation } from 'react-i18next';
import {
  deliveries,
  notificationKinds,
  useNotificationPreferences,
  useSetNotificationPreferences,
} from '../../api/collab';
import { Alert } from '../../components/Alert';
import { DataTable } from '../../components/DataTable';
import { deliveryLabelKey, notificationKindLabelKey } from '../../i18n/keys';
import { genericErrorMessage } from '../../lib/errors';

/** How one hears of each kind of notification: a radio per kind and way, saved at once. */
export function NotificationSettings() {
  const { t } = useTranslation();
  const preferences = useNotificationPreferences();
  const save = useSetNotificationPreferences();
  const chosen = preferences.data?.preferences;
  return (
    <section className="account-section" aria-labelledby="notification-settings-title">
      <h2 id="notification-settings-title">{t('notification_settings.title')}</h2>
      <p className="muted">{t('notification_settings.intro')}</p>
      {preferences.data && !preferences.data.email_enabled && (
        <Alert tone="info">{t('notification_settings.email_off')}</Alert>
      )}
      {(preferences.isError || save.isError) && (
        <Alert>{genericErrorMessage(t, preferences.error ?? save.error)}</Alert>
      )}
      {chosen && (
        <DataTable
          columns={[
            t('notification_settings.kind'),
            ...deliveries.map((delivery) => t(deliveryLabelKey[delivery])),
          ]}
        >
          {notificationKinds.map((kind) => (
            <tr key={kind}>
              <th scope="row">{t(notificationKindLabelKey[kind])}</th>
              {deliveries.map((delivery) => (
                <td key={delivery}>
                  <input
                    type="radio"
                    name={`notify-${kind}`}
                    value={delivery}
                    checked={chosen[kind] === delivery}
                    disabled={save.isPending}
                    aria-label={t('notification_settings.choice', {
                      kind: t(notificationKindLabelKey[kind]),
                      delivery: t(deliveryLabelKey[delivery]),
                    })}
                    onChange={() => save.mutate({ [kind]: delivery })}
                  />
                </td>
              ))}
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
