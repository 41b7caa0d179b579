import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { createQueryClient } from './api/queries';
import { AppShell, ChooseWorkspace } from './screens/AppShell';
import { RequireAuth, SetupGate } from './screens/Gates';
import { HomeScreen } from './screens/HomeScreen';
import { LoginScreen } from './screens/LoginScreen';
import { SetupScreen } from './screens/SetupScreen';
import { ContentsScreen } from './screens/contents/ContentsScreen';
import { InviteScreen } from './screens/InviteScreen';
import {
  CrashScreen,
  LoadingScreen,
  NotFoundContent,
  NotFoundScreen,
} from './screens/StatusScreens';

// The editor (TipTap) and the settings screens load when first opened, so the list stays light.
const ContentPage = lazy(() => import('./screens/content/ContentPage'));
const SettingsScreen = lazy(() => import('./screens/settings/SettingsScreen'));
const AccountScreen = lazy(() => import('./screens/settings/AccountScreen'));

function Later({ children }: { children: ReactNode }) {
  return <Suspense fallback={<LoadingScreen />}>{children}</Suspense>;
}

// The workspace's screens live under /w/:slug, inside the shell.
const router = createBrowserRouter([
  {
    element: <SetupGate />,
    errorElement: <CrashScreen />,
    children: [
      { path: '/setup', element: <SetupScreen /> },
      { path: '/login', element: <LoginScreen /> },
      { path: '/invite/:token', element: <InviteScreen /> },
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
                path: 'contents/:id/:tab?',
                element: (
                  <Later>
                    <ContentPage />
                  </Later>
                ),
              },
              {
                path: 'settings/:section?',
                element: (
                  <Later>
                    <SettingsScreen />
                  </Later>
                ),
              },
              {
                path: 'account',
                element: (
                  <Later>
                    <AccountScreen />
                  </Later>
                ),
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
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
