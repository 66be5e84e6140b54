/** Query keys of the status page. */
export const statusKeys = {
  all: ['status'] as const,
  health: () => [...statusKeys.all, 'health'] as const,
  metrics: () => [...statusKeys.all, 'metrics'] as const,
};

/** How often the status page asks again while it is open. */
export const REFRESH_MS = 5_000;
