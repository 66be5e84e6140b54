import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { ChangePasswordPage } from '@/features/auth/components/change-password-page';
import { LoginPage } from '@/features/auth/components/login-page';
import { EditorPage } from '@/features/editor/components/editor-page';
import { MediaPage } from '@/features/media/components/media-page';
import { PostsPage } from '@/features/posts/components/posts-page';
import { RevisionsPage } from '@/features/revisions/components/revisions-page';
import { StatusPage } from '@/features/status/components/status-page';
import { UsersPage } from '@/features/users/components/users-page';
import { AuthenticatedLayout } from './routes/authenticated-layout';
import { NotFound } from './routes/not-found';
import { RequireRole } from './routes/require-role';

/** The app is served under /admin (Vite's `base`, the server's fallback to index.html). */
export const routes = [
  { path: '/login', element: <LoginPage /> },
  {
    element: <AuthenticatedLayout />,
    children: [
      { index: true, element: <Navigate to="/posts" replace /> },
      { path: '/posts', element: <PostsPage /> },
      { path: '/posts/new', element: <EditorPage /> },
      { path: '/posts/:id', element: <EditorPage /> },
      { path: '/posts/:id/revisions', element: <RevisionsPage /> },
      { path: '/media', element: <MediaPage /> },
      { path: '/users', element: <RequireRole roles={['ADMIN']}><UsersPage /></RequireRole> },
      { path: '/status', element: <StatusPage /> },
      { path: '/account/password', element: <ChangePasswordPage /> },
      { path: '*', element: <NotFound /> },
    ],
  },
];

const router = createBrowserRouter(routes, { basename: '/admin' });

export function AppRouter() {
  return <RouterProvider router={router} />;
}
