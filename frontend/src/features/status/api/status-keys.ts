/** Query keys of the status page. */
export const statusKeys = {
  all: ['status'] as const,
  system: () => [...statusKeys.all, 'system'] as const,
};

/** How often the status page asks again while it is open. */
export const REFRESH_MS = 5_000;
