import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { createQueryClient } from './api/queries';
import { AppShell, ChooseWorkspace } from './screens/AppShell';
import { RequireAuth, SetupGate } from './screens/Gates';
import { HomeScreen } from './screens/HomeScreen';
import { LoginScreen } from './screens/LoginScreen';
import { SetupScreen } from './screens/SetupScreen';
import { CrashScreen, NotFoundContent, NotFoundScreen } from './screens/StatusScreens';

// Later screens (contents, board, calendar, settings) go under /w/:slug, inside the shell.
const router = createBrowserRouter([
  {
    element: <SetupGate />,
    errorElement: <CrashScreen />,
    children: [
      { path: '/setup', element: <SetupScreen /> },
      { path: '/login', element: <LoginScreen /> },
      {
        element: <RequireAuth />,
        children: [
          { path: '/', element: <ChooseWorkspace /> },
          {
            path: '/w/:slug',
            element: <AppShell />,
            children: [
              { index: true, element: <HomeScreen /> },
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
