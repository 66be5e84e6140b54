/** Query keys of the users feature (only this feature reads staff accounts as a list). */
export const userKeys = {
  all: ['users'] as const,
  list: () => [...userKeys.all, 'list'] as const,
};
