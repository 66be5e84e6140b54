import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import { Button } from '@/components/ui/button';
import { authStore } from '@/lib/auth/auth-store';
import { useUser } from '@/lib/auth/use-auth';

const navClass = ({ isActive }: { isActive: boolean }) =>
  `rounded-md px-3 py-2 text-sm font-medium ${isActive ? 'bg-slate-900 text-white' : 'text-slate-700 hover:bg-slate-200'}`;

/** Header (app name, navigation, connection indicator, user menu) and the page below it. */
export function AppShell({ children, indicator }: { children: ReactNode; indicator?: ReactNode }) {
  const user = useUser();
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
          <span className="font-semibold">Realtime Blog</span>
          <nav aria-label="Main" className="flex gap-1">
            <NavLink to="/posts" className={navClass}>Posts</NavLink>
            {user.role === 'ADMIN' && <NavLink to="/users" className={navClass}>Users</NavLink>}
            <NavLink to="/status" className={navClass}>Status</NavLink>
          </nav>
          <div className="ml-auto flex items-center gap-3">
            {indicator}
            <details className="relative">
              <summary className="cursor-pointer list-none rounded-md px-3 py-2 text-sm hover:bg-slate-100" aria-label={`Account: ${user.displayName}`}>
                {user.displayName} <span className="text-slate-500">({user.role.toLowerCase()})</span>
              </summary>
              <div className="absolute right-0 z-10 mt-1 w-48 rounded-md border border-slate-200 bg-white p-2 shadow-lg">
                <p className="truncate px-2 py-1 text-xs text-slate-500">{user.email}</p>
                <Button variant="ghost" className="w-full justify-start" onClick={() => void authStore.logout()}>
                  Log out
                </Button>
              </div>
            </details>
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
    </div>
  );
}
