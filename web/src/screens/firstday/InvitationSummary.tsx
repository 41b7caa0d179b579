import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../api/client';
import { useInvitationInfo } from '../../api/firstDay';
import { Alert } from '../../components/Alert';
import { roleLabelKey } from '../../i18n/keys';

/** What an invitation is for: which workspace, who invited, with which role. */
export function InvitationSummary({ token, fallback }: { token: string; fallback: string }) {
  const { t } = useTranslation();
  const info = useInvitationInfo(token);
  if (info.isError && isApiError(info.error, 404)) {
    return <Alert>{t('invite.invalid')}</Alert>;
  }
  if (!info.data) return <p>{fallback}</p>;
  const { workspace, invited_by: by, role, email, account_exists: exists } = info.data;
  return (
    <>
      <p className="invitation-summary">
        {by.name
          ? t('first_day.invited_by', {
              name: by.name,
              workspace: workspace.name,
              role: t(roleLabelKey[role]),
            })
          : t('first_day.invited_to', { workspace: workspace.name, role: t(roleLabelKey[role]) })}
      </p>
      <p className="muted">{t('first_day.invited_email', { email })}</p>
      {exists && (
        <Alert tone="info">
          {t('first_day.invited_has_account')} <Link to="/login">{t('first_day.sign_in')}</Link>
        </Alert>
      )}
    </>
  );
}
