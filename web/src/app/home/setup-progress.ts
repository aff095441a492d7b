import { useQueries } from '@tanstack/react-query';
import { api, unwrap } from '../api.ts';

export type SetupStep = 'sites' | 'departments' | 'people' | 'users';

/**
 * Which basic records an organisation already has: at least one site with a
 * location, a department, a person, and an account besides the first admin.
 * `undefined` while loading.
 */
export function useSetupProgress(): Record<SetupStep, boolean> | undefined {
  const one = { page: 1, pageSize: 1 };
  const results = useQueries({
    queries: [
      {
        queryKey: ['setup-progress', 'locations'],
        queryFn: () => unwrap(api.GET('/api/locations', { params: { query: one } })),
      },
      {
        queryKey: ['setup-progress', 'departments'],
        queryFn: () => unwrap(api.GET('/api/departments', { params: { query: one } })),
      },
      {
        queryKey: ['setup-progress', 'people'],
        queryFn: () => unwrap(api.GET('/api/people', { params: { query: one } })),
      },
      {
        queryKey: ['setup-progress', 'users'],
        queryFn: () => unwrap(api.GET('/api/users', { params: { query: one } })),
      },
    ],
  });
  const [locations, departments, people, users] = results;
  if (!locations?.data || !departments?.data || !people?.data || !users?.data) return undefined;
  return {
    sites: locations.data.total > 0,
    departments: departments.data.total > 0,
    people: people.data.total > 0,
    users: users.data.total > 1,
  };
}
