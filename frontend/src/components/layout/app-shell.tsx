import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import { useUser } from '@/lib/auth/use-auth';
import { UserMenu } from './user-menu';

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
            <NavLink to="/media" className={navClass}>Media</NavLink>
            {user.role === 'ADMIN' && <NavLink to="/users" className={navClass}>Users</NavLink>}
            <NavLink to="/status" className={navClass}>Status</NavLink>
          </nav>
          <div className="ml-auto flex items-center gap-3">
            {indicator}
            <UserMenu user={user} />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
    </div>
  );
}
