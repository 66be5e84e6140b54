import { vi } from 'vitest';
import { authStore } from '@/lib/auth/auth-store';
import type { Role } from '@/types/api';

export interface ApiCall {
  method: string;
  path: string;
  params: URLSearchParams;
  body: unknown;
}

type Answer = Response | ((call: ApiCall) => Response);

export const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), {
  status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
});

/**
 * A stand-in for the API behind `fetch`: answers by "METHOD /path" (the last answer set for a route repeats),
 * records every call, and answers 404 problems for anything not set, so a test sees exactly what was sent.
 */
export function fakeApi() {
  const routes = new Map<string, Answer[]>();
  const calls: ApiCall[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://test');
    const call: ApiCall = {
      method: init?.method ?? 'GET', path: url.pathname, params: url.searchParams,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    calls.push(call);
    const answers = routes.get(`${call.method} ${call.path}`);
    const answer = answers && answers.length > 1 ? answers.shift()! : answers?.[0];
    if (!answer) return json({ type: '/problems/not-found', title: 'Not found', status: 404 }, 404);
    const response = typeof answer === 'function' ? answer(call) : answer;
    return response.clone();
  });
  vi.stubGlobal('fetch', fetchMock);
  return {
    calls,
    /** Answers for a route, in turn; the last one repeats. */
    on(route: string, ...answers: Answer[]) {
      routes.set(route, answers);
    },
    callsTo: (route: string) => calls.filter((call) => `${call.method} ${call.path}` === route),
  };
}

/** Signs in through the real auth store (its login request answered here). */
export async function signInAs(role: Role, id = 'user-ana', name = 'Ana'): Promise<void> {
  const login = vi.fn(async () => json({ accessToken: 't', expiresIn: 900,
    user: { id, email: `${name.toLowerCase()}@example.test`, displayName: name, role } }));
  vi.stubGlobal('fetch', login);
  await authStore.login(`${name.toLowerCase()}@example.test`, 'pw');
}
