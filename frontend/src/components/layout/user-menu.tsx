import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { Button } from '@/components/ui/button';
import { authStore } from '@/lib/auth/auth-store';
import type { AuthUser } from '@/types/api';

/**
 * The signed-in user's name; opens a small menu with "Change password" and "Log out" (Escape or a click outside
 * closes it).
 */
export function UserMenu({ user }: { user: AuthUser }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', close);
    document.addEventListener('mousedown', close);
    return () => {
      document.removeEventListener('keydown', close);
      document.removeEventListener('mousedown', close);
    };
  }, [open]);

  return (
    <div ref={root} className="relative">
      <Button variant="ghost" aria-haspopup="menu" aria-expanded={open} aria-controls="user-menu"
        onClick={() => setOpen((value) => !value)}>
        {user.displayName} <span className="text-slate-500">({user.role.toLowerCase()})</span>
      </Button>
      {open && (
        <div id="user-menu" role="menu" aria-label="Account"
          className="absolute right-0 z-10 mt-1 w-56 rounded-md border border-slate-200 bg-white p-2 shadow-lg">
          <p className="truncate px-2 py-1 text-xs text-slate-500">{user.email}</p>
          <Link role="menuitem" to="/account/password" onClick={() => setOpen(false)}
            className="block rounded-md px-3 py-2 text-sm hover:bg-slate-100">
            Change password
          </Link>
          <Button role="menuitem" variant="ghost" className="w-full justify-start" autoFocus
            onClick={() => void authStore.logout()}>
            Log out
          </Button>
        </div>
      )}
    </div>
  );
}
