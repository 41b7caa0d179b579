import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useContentsWhere } from '../api/collab';
import { Alert } from '../components/Alert';
import { useLocale } from '../i18n';
import { roleLabelKey } from '../i18n/keys';
import { genericErrorMessage } from '../lib/errors';
import { formatLongDate, formatRelative } from '../lib/format';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { useShell } from './AppShell';
import { FirstStepsGuide } from './firstday/FirstStepsGuide';
import { canManageWorkspace } from '../lib/permissions';

/** The workspace's front page: who you are here, and today; for a guest, what is shared. */
export function HomeScreen() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { me, membership } = useShell();
  useDocumentTitle(membership.workspace.name);
  const guest = membership.role === 'guest';
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
      <FirstStepsGuide
        slug={membership.workspace.slug}
        admin={canManageWorkspace(membership.role)}
      />
      {guest ? (
        <SharedWithMe slug={membership.workspace.slug} />
      ) : (
        <p>
          <Link to={`/w/${encodeURIComponent(membership.workspace.slug)}/contents`}>
            {t('home.open_contents')}
          </Link>
        </p>
      )}
    </section>
  );
}

/** A guest's contents: the list answers only with what is shared with them. */
function SharedWithMe({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const contents = useContentsWhere(slug, 'limit=50');
  return (
    <section className="shared-with-me" aria-labelledby="shared-with-me">
      <h2 id="shared-with-me">{t('guest.shared_title')}</h2>
      <p className="muted">{t('guest.shared_intro')}</p>
      {contents.isError ? (
        <Alert>{genericErrorMessage(t, contents.error)}</Alert>
      ) : !contents.data ? (
        <p className="muted">{t('common.loading')}</p>
      ) : contents.data.length === 0 ? (
        <p className="muted">{t('guest.shared_empty')}</p>
      ) : (
        <ul className="my-work-list">
          {contents.data.map((item) => (
            <li key={item.id}>
              <Link to={`/w/${encodeURIComponent(slug)}/contents/${encodeURIComponent(item.id)}`}>
                {item.title || t('content.untitled')}
              </Link>
              <span className="muted">{item.type.name}</span>
              {item.status && <span className="my-work-status">{item.status.name}</span>}
              <span className="muted">{formatRelative(item.updated_at, locale)}</span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to={`/w/${encodeURIComponent(slug)}/contents`}>{t('home.open_contents')}</Link>
      </p>
    </section>
  );
}
