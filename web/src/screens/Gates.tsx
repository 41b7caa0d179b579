import { Navigate, Outlet, useLocation } from 'react-router';
import { isApiError } from '../api/client';
import { useMe, useSetupStatus } from '../api/queries';
import { useShell } from './AppShell';
import { LoadFailedScreen, LoadingScreen, NotFoundContent } from './StatusScreens';

/** Until the first account exists, every page leads to the setup form; after, the form is gone. */
export function SetupGate() {
  const setup = useSetupStatus();
  const location = useLocation();
  if (setup.isPending) return <LoadingScreen />;
  if (setup.isError)
    return <LoadFailedScreen error={setup.error} onRetry={() => setup.refetch()} />;
  const onSetupPage = location.pathname === '/setup';
  if (setup.data.needed && !onSetupPage) return <Navigate to="/setup" replace />;
  if (!setup.data.needed && onSetupPage) return <Navigate to="/" replace />;
  return <Outlet />;
}

/** The pages behind it need a session; without one, the login page, then back here. */
export function RequireAuth() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <LoadingScreen />;
  // A refresh that failed (no network, a server restarting) keeps the pages open, their unsent
  // work kept on the device; a session that ended sends the user to log in, and back here after.
  if (me.isError && (me.data === undefined || isApiError(me.error, 401))) {
    if (isApiError(me.error, 401)) {
      const from = location.pathname + location.search + location.hash;
      return <Navigate to="/login" replace state={{ from }} />;
    }
    return <LoadFailedScreen error={me.error} onRetry={() => me.refetch()} />;
  }
  return <Outlet />;
}

/** The workspace's screens for its own people (the board, the activity): a guest has no such page. */
export function StaffOnly() {
  const shell = useShell();
  if (shell.membership.role === 'guest') return <NotFoundContent />;
  return <Outlet context={shell} />;
}
