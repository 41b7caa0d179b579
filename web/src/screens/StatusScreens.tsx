import { useTranslation } from 'react-i18next';
import { Link, useRouteError } from 'react-router';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { genericErrorMessage } from '../lib/errors';
import { PublicLayout } from './PublicLayout';

export function LoadingScreen() {
  const { t } = useTranslation();
  return (
    <div className="loading" role="status" aria-live="polite">
      {t('common.loading')}
    </div>
  );
}

/** "Page not found", in the shell's body when logged in, or on its own. */
export function NotFoundContent() {
  const { t } = useTranslation();
  useDocumentTitle(t('not_found.title'));
  return (
    <section className="not-found">
      <h1>{t('not_found.title')}</h1>
      <p>{t('not_found.body')}</p>
      <p>
        <Link to="/">{t('not_found.home')}</Link>
      </p>
    </section>
  );
}

export function NotFoundScreen() {
  return (
    <PublicLayout>
      <div className="card">
        <NotFoundContent />
      </div>
    </PublicLayout>
  );
}

/** What the user sees when a request the page depends on failed, with a way to try again. */
export function LoadFailedScreen({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  useDocumentTitle(t('errors.title'));
  return (
    <PublicLayout>
      <div className="card">
        <h1>{t('errors.title')}</h1>
        <p>{genericErrorMessage(t, error)}</p>
        <button type="button" className="button button-primary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      </div>
    </PublicLayout>
  );
}

/** The router's last resort, for an error thrown while rendering. */
export function CrashScreen() {
  const error = useRouteError();
  if (error) console.warn(error);
  return <LoadFailedScreen error={error} onRetry={() => window.location.reload()} />;
}
