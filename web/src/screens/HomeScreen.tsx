import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../i18n';
import { roleLabelKey } from '../i18n/keys';
import { formatLongDate } from '../lib/format';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { useShell } from './AppShell';

/** The workspace's front page: who you are here, and today. */
export function HomeScreen() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { me, membership } = useShell();
  useDocumentTitle(membership.workspace.name);
  return (
    <section className="page">
      <p className="page-date">{formatLongDate(new Date(), locale)}</p>
      <h1>{t('home.welcome', { name: me.user.name })}</h1>
      <p className="lead">
        {t('home.role_in_workspace', {
          workspace: membership.workspace.name,
          role: t(roleLabelKey[membership.role]),
        })}
      </p>
      <p>
        <Link to={`/w/${encodeURIComponent(membership.workspace.slug)}/contents`}>
          {t('home.open_contents')}
        </Link>
      </p>
    </section>
  );
}
