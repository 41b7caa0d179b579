import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Link,
  Navigate,
  NavLink,
  Outlet,
  useLocation,
  useNavigate,
  useNavigation,
  useOutletContext,
  useParams,
} from 'react-router';
import { useForgetMe, useLogout, useMe, useUpdateMe } from '../api/queries';
import { useApplyTimeZone } from '../lib/timeZone';
import type { Language, Me, Membership } from '../api/types';
import { Alert } from '../components/Alert';
import { LanguageToggle } from '../components/LanguageToggle';
import { NotificationBell } from '../components/NotificationBell';
import { LiveProvider } from '../live/LiveProvider';
import { WorkspaceSwitcher } from '../components/WorkspaceSwitcher';
import { applyLanguage } from '../i18n';
import { roleLabelKey } from '../i18n/keys';
import { chooseWorkspace, rememberWorkspace } from '../lib/lastWorkspace';
import { SearchPalette } from './search/SearchPalette';
import { NotFoundScreen } from './StatusScreens';
import { StartWorkspace } from './firstday/StartWorkspace';
import { SidebarViews } from './views/SidebarViews';

export interface ShellContext {
  me: Me;
  membership: Membership;
}

/** The current account and workspace, for the screens inside the shell. */
export function useShell(): ShellContext {
  return useOutletContext<ShellContext>();
}

/** "/" opens the last workspace used here, or the first one. */
export function ChooseWorkspace() {
  const { t } = useTranslation();
  const me = useMe().data;
  if (!me) return null;
  const membership = chooseWorkspace(me.memberships);
  if (membership) {
    return <Navigate to={`/w/${encodeURIComponent(membership.workspace.slug)}`} replace />;
  }
  return (
    <ShellFrame me={me} membership={null}>
      <section className="page">
        <h1>{t('home.no_workspace_title')}</h1>
        <p>{t('home.no_workspace_body')}</p>
        <StartWorkspace />
      </section>
    </ShellFrame>
  );
}

/** The logged-in frame for one workspace: top bar, sidebar, and the screen in the body. */
export function AppShell() {
  const { slug } = useParams();
  const me = useMe().data;
  const membership = me?.memberships.find((m) => m.workspace.slug === slug) ?? null;

  useEffect(() => {
    if (membership) rememberWorkspace(membership.workspace.slug);
  }, [membership]);

  if (!me) return null;
  if (!membership) return <NotFoundScreen />;
  const context: ShellContext = { me, membership };
  return (
    <LiveProvider>
      <ShellFrame me={me} membership={membership}>
        <Outlet context={context} />
      </ShellFrame>
    </LiveProvider>
  );
}

// The key names as the keyboard shows them; the same in every language.
const shortcutLabel =
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘K' : 'Ctrl K';

function ShellFrame({
  me,
  membership,
  children,
}: {
  me: Me;
  membership: Membership | null;
  children: React.ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const logout = useLogout();
  const forgetMe = useForgetMe();
  const updateMe = useUpdateMe();
  const [problem, setProblem] = useState<'logout' | 'language' | null>(null);

  // The account's language is the interface's language.
  const accountLanguage = me.user.language;
  useEffect(() => applyLanguage(accountLanguage), [accountLanguage]);
  // The account's time zone is the one every date is shown in.
  useApplyTimeZone();

  const changeLanguage = (language: Language) => {
    setProblem(null);
    applyLanguage(language);
    updateMe.mutate(
      { language },
      {
        onError: () => {
          applyLanguage(accountLanguage);
          setProblem('language');
        },
      },
    );
  };

  const logOut = () => {
    setProblem(null);
    logout.mutate(undefined, {
      onSuccess: () => {
        // Leave the shell first, so nothing on screen asks for the account that just left.
        navigate('/login', { replace: true });
        forgetMe();
      },
      onError: () => setProblem('logout'),
    });
  };

  // The search is always at hand: Ctrl+K (⌘K on a Mac) from anywhere in the workspace.
  const [searching, setSearching] = useState(false);
  useEffect(() => {
    if (!membership) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setSearching(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [membership]);

  // On a phone or a tablet the navigation folds away behind a menu button; it closes again when a
  // screen is chosen, with Escape, or with a tap beside it.
  const [menuOpen, setMenuOpen] = useState(false);
  const location = useLocation();
  useEffect(() => setMenuOpen(false), [location.pathname, location.search]);
  useEffect(() => {
    if (!menuOpen) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setMenuOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [menuOpen]);

  const shownLanguage: Language = i18n.language === 'fr' ? 'fr' : 'en';
  const account = (
    <>
      <span className="user-name">{me.user.name}</span>
      <LanguageToggle
        value={shownLanguage}
        onChange={changeLanguage}
        disabled={updateMe.isPending}
      />
      <button
        type="button"
        className="button button-quiet"
        onClick={logOut}
        disabled={logout.isPending}
      >
        {t('shell.logout')}
      </button>
    </>
  );
  // A screen whose code or data is still on its way: a thin bar says the click was heard.
  const navigating = useNavigation().state === 'loading';

  return (
    <div className={membership ? 'shell' : 'shell shell-no-workspace'}>
      {navigating && (
        <div className="progress" role="progressbar" aria-label={t('common.loading')} />
      )}
      <a className="skip-link" href="#main">
        {t('shell.skip_to_content')}
      </a>
      <header className="topbar">
        <div className="topbar-start">
          {membership && (
            <button
              type="button"
              className="menu-toggle"
              aria-expanded={menuOpen}
              aria-controls="app-navigation"
              aria-label={menuOpen ? t('layout.close_menu') : t('layout.menu')}
              onClick={() => setMenuOpen((open) => !open)}
            >
              <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                <path
                  fill="currentColor"
                  d={
                    menuOpen
                      ? 'M6.4 5 5 6.4 10.6 12 5 17.6 6.4 19l5.6-5.6 5.6 5.6 1.4-1.4-5.6-5.6L19 6.4 17.6 5 12 10.6z'
                      : 'M3 6h18v2H3zm0 5h18v2H3zm0 5h18v2H3z'
                  }
                />
              </svg>
            </button>
          )}
          <Link to="/" className="brand">
            {t('app.name')}
          </Link>
          {membership && <WorkspaceSwitcher memberships={me.memberships} current={membership} />}
          {membership && (
            <button
              type="button"
              className="search-button"
              aria-keyshortcuts="Control+K Meta+K"
              onClick={() => setSearching(true)}
            >
              <span aria-hidden="true" className="search-button-icon">
                ⌕
              </span>
              <span className="search-button-label">{t('search.open')}</span>
              <kbd aria-hidden="true">{shortcutLabel}</kbd>
            </button>
          )}
        </div>
        <div className="topbar-end">
          {membership && <NotificationBell memberships={me.memberships} />}
          <div className="topbar-account">{account}</div>
        </div>
      </header>
      <div className="shell-body">
        {membership && menuOpen && (
          <div className="nav-backdrop" aria-hidden="true" onClick={() => setMenuOpen(false)} />
        )}
        {membership && (
          <nav
            id="app-navigation"
            className={menuOpen ? 'sidebar sidebar-open' : 'sidebar'}
            aria-label={t('shell.navigation')}
          >
            <div className="sidebar-workspace">
              <span className="sidebar-workspace-name">{membership.workspace.name}</span>
              <span className="sidebar-role">{t(roleLabelKey[membership.role])}</span>
            </div>
            <ul className="sidebar-nav">
              <li>
                <NavLink end to={`/w/${encodeURIComponent(membership.workspace.slug)}`}>
                  {t('nav.home')}
                </NavLink>
              </li>
              <li>
                <NavLink to={`/w/${encodeURIComponent(membership.workspace.slug)}/my-work`}>
                  {t('my_work.nav')}
                </NavLink>
              </li>
              <li>
                <NavLink to={`/w/${encodeURIComponent(membership.workspace.slug)}/contents`}>
                  {t('nav.contents')}
                </NavLink>
              </li>
              {membership.role !== 'guest' && (
                <li>
                  <NavLink to={`/w/${encodeURIComponent(membership.workspace.slug)}/board`}>
                    {t('board.title')}
                  </NavLink>
                </li>
              )}
              <li>
                <NavLink to={`/w/${encodeURIComponent(membership.workspace.slug)}/calendar`}>
                  {t('calendar.nav')}
                </NavLink>
              </li>
              <li>
                <NavLink to={`/w/${encodeURIComponent(membership.workspace.slug)}/media`}>
                  {t('files.nav')}
                </NavLink>
              </li>
              {membership.role !== 'guest' && (
                <li>
                  <NavLink to={`/w/${encodeURIComponent(membership.workspace.slug)}/activity`}>
                    {t('nav.activity')}
                  </NavLink>
                </li>
              )}
              {['owner', 'admin', 'editor'].includes(membership.role) && (
                <li>
                  <NavLink to={`/w/${encodeURIComponent(membership.workspace.slug)}/reports`}>
                    {t('reports.nav')}
                  </NavLink>
                </li>
              )}
              {(membership.role === 'owner' || membership.role === 'admin') && (
                <li>
                  <NavLink to={`/w/${encodeURIComponent(membership.workspace.slug)}/settings`}>
                    {t('nav.settings')}
                  </NavLink>
                </li>
              )}
              {membership.role === 'editor' && (
                // Editors keep the workspace's task lists; the rest of the settings is for admins.
                <li>
                  <NavLink
                    to={`/w/${encodeURIComponent(membership.workspace.slug)}/settings/task-lists`}
                  >
                    {t('nav.settings')}
                  </NavLink>
                </li>
              )}
              <li>
                <NavLink to={`/w/${encodeURIComponent(membership.workspace.slug)}/account`}>
                  {t('nav.account')}
                </NavLink>
              </li>
            </ul>
            <SidebarViews
              workspace={membership.workspace}
              role={membership.role}
              userId={me.user.id}
            />
            {/* In the folded navigation only: the top bar has no room left for them there. */}
            <div className="sidebar-account">{account}</div>
          </nav>
        )}
        <main id="main" className="shell-main" tabIndex={-1}>
          {problem && (
            <Alert>
              {problem === 'logout' ? t('shell.logout_failed') : t('shell.language_failed')}
            </Alert>
          )}
          {children}
        </main>
      </div>
      {membership && (
        <SearchPalette
          workspace={membership.workspace}
          staff={membership.role !== 'guest'}
          open={searching}
          onClose={() => setSearching(false)}
        />
      )}
    </div>
  );
}
