import { QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, RouterProvider, type LoaderFunctionArgs } from 'react-router';
import { createQueryClient, meQuery, setupQuery } from './api/queries';
import { channelsQuery } from './api/channels';
import { contentQuery } from './api/contents';
import { typesQuery } from './api/contentTypes';
import { membersQuery } from './api/members';
import { projectsQuery } from './api/projects';
import { AppShell, ChooseWorkspace } from './screens/AppShell';
import { RequireAuth, SetupGate, StaffOnly } from './screens/Gates';
import { HomeScreen } from './screens/HomeScreen';
import { LoginScreen } from './screens/LoginScreen';
import { SetupScreen } from './screens/SetupScreen';
import { ContentsScreen } from './screens/contents/ContentsScreen';
import { InviteScreen } from './screens/InviteScreen';
import { ForgotPasswordScreen, ResetPasswordScreen } from './screens/firstday/PasswordScreens';
import {
  CrashScreen,
  LoadingScreen,
  NotFoundContent,
  NotFoundScreen,
} from './screens/StatusScreens';

export const queryClient = createQueryClient();

// The first two questions a workspace page asks go out together, before React renders anything
// (elsewhere /me waits for the setup answer: a fresh instance has no one to ask about).
void queryClient.prefetchQuery(setupQuery);
if (window.location.pathname.startsWith('/w/')) void queryClient.prefetchQuery(meQuery);

/** The content page and the workspace lists it needs, fetched while its code loads. */
async function contentLoader({ params }: LoaderFunctionArgs) {
  const slug = params.slug ?? '';
  const shown = Promise.all([
    queryClient.prefetchQuery(contentQuery(params.id ?? '')),
    queryClient.prefetchQuery(typesQuery(slug)),
    queryClient.prefetchQuery(channelsQuery(slug)),
  ]);
  // Members and projects are the staff's to read: a guest's page asks only for what it shows.
  // /me is already on its way (asked before React rendered): this waits for it, not a new one.
  const me = await queryClient.ensureQueryData(meQuery).catch(() => null);
  const role = me?.memberships.find((m) => m.workspace.slug === slug)?.role;
  await Promise.all([
    shown,
    role && role !== 'guest' && queryClient.prefetchQuery(membersQuery(slug)),
    role && role !== 'guest' && queryClient.prefetchQuery(projectsQuery(slug)),
  ]);
  return null;
}

/** The content page's code (TipTap's with it), loaded when a content is first opened. */
export const loadContentPage = () => import('./screens/content/ContentPage');

// The workspace's screens live under /w/:slug, inside the shell. The editor and the settings
// load when first opened (route-level lazy: the code and the data come in parallel, and the
// previous page stays until both are there), so the list stays light.
const router = createBrowserRouter([
  {
    element: <SetupGate />,
    errorElement: <CrashScreen />,
    // Shown while a deep link's code and data load on the first page of a visit.
    hydrateFallbackElement: <LoadingScreen />,
    children: [
      { path: '/setup', element: <SetupScreen /> },
      { path: '/login', element: <LoginScreen /> },
      { path: '/invite/:token', element: <InviteScreen /> },
      { path: '/forgot-password', element: <ForgotPasswordScreen /> },
      { path: '/reset-password/:token', element: <ResetPasswordScreen /> },
      {
        path: '/review/:secret',
        lazy: async () => ({
          Component: (await import('./screens/review/ReviewScreen')).default,
        }),
      },
      {
        element: <RequireAuth />,
        children: [
          { path: '/', element: <ChooseWorkspace /> },
          {
            path: '/w/:slug',
            element: <AppShell />,
            children: [
              { index: true, element: <HomeScreen /> },
              { path: 'contents', element: <ContentsScreen /> },
              {
                path: 'my-work',
                lazy: async () => ({
                  Component: (await import('./screens/mywork/MyWorkScreen')).default,
                }),
              },
              {
                element: <StaffOnly />,
                children: [
                  {
                    path: 'board',
                    lazy: async () => ({
                      Component: (await import('./screens/board/BoardScreen')).BoardScreen,
                    }),
                  },
                  {
                    path: 'activity',
                    lazy: async () => ({
                      Component: (await import('./screens/activity/ActivityScreen')).default,
                    }),
                  },
                  {
                    path: 'reports',
                    lazy: async () => ({
                      Component: (await import('./screens/reports/ReportScreen')).default,
                    }),
                  },
                ],
              },
              {
                path: 'calendar',
                lazy: async () => ({
                  Component: (await import('./screens/calendar/CalendarScreen')).default,
                }),
              },
              {
                path: 'contents/:id/:tab?',
                loader: contentLoader,
                lazy: async () => ({ Component: (await loadContentPage()).default }),
              },
              {
                path: 'media',
                lazy: async () => ({
                  Component: (await import('./screens/files/MediaLibraryScreen')).default,
                }),
              },
              {
                path: 'search',
                lazy: async () => ({
                  Component: (await import('./screens/search/SearchScreen')).default,
                }),
              },
              {
                path: 'settings/:section?',
                lazy: async () => ({
                  Component: (await import('./screens/settings/SettingsScreen')).default,
                }),
              },
              {
                path: 'account',
                lazy: async () => ({
                  Component: (await import('./screens/settings/AccountScreen')).default,
                }),
              },
              { path: '*', element: <NotFoundContent /> },
            ],
          },
        ],
      },
      { path: '*', element: <NotFoundScreen /> },
    ],
  },
]);

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
