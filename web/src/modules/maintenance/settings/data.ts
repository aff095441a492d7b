import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../app/api.ts';
import type { ApiResponse } from '../../../app/api-models.ts';

/*
 * The settings' data. Keys start with ['maintenance', …] like the other
 * maintenance pages, so a change here refreshes the report form's categories
 * and the dispatch page's teams as well.
 */

export type Category = ApiResponse<'/api/maintenance/categories', 'get'>[number];
export type Priority = ApiResponse<'/api/maintenance/priorities', 'get'>[number];
export type SlaTarget = ApiResponse<'/api/maintenance/sla-targets', 'get'>[number];
export type Team = ApiResponse<'/api/maintenance/teams', 'get'>[number];
export type DutyEntry = ApiResponse<'/api/maintenance/teams/{id}/duty', 'get'>[number];
export type DispatchRule = ApiResponse<'/api/maintenance/dispatch-rules', 'get'>[number];
export type Site = ApiResponse<'/api/sites', 'get'>[number];

export const KEYS = {
  categories: ['maintenance', 'categories'],
  priorities: ['maintenance', 'priorities'],
  slaTargets: ['maintenance', 'sla-targets'],
  teams: ['maintenance', 'teams'],
  duty: (teamId: string, from: string, to: string) => ['maintenance', 'duty', teamId, from, to],
  rules: ['maintenance', 'dispatch-rules'],
  settings: ['maintenance', 'settings'],
  sites: ['sites'],
} as const;

export const useCategories = () =>
  useQuery({
    queryKey: KEYS.categories,
    queryFn: () => unwrap(api.GET('/api/maintenance/categories')),
  });

export const usePriorities = () =>
  useQuery({
    queryKey: KEYS.priorities,
    queryFn: () => unwrap(api.GET('/api/maintenance/priorities')),
  });

export const useSlaTargets = () =>
  useQuery({
    queryKey: KEYS.slaTargets,
    queryFn: () => unwrap(api.GET('/api/maintenance/sla-targets')),
  });

/** Every team the caller may read, retired ones included (the settings show them greyed). */
export const useAllTeams = () =>
  useQuery({
    queryKey: [...KEYS.teams, 'all'],
    queryFn: () => unwrap(api.GET('/api/maintenance/teams')),
  });

export const useRules = () =>
  useQuery({
    queryKey: KEYS.rules,
    queryFn: () => unwrap(api.GET('/api/maintenance/dispatch-rules')),
  });

export const useSites = () =>
  useQuery({
    queryKey: KEYS.sites,
    queryFn: () => unwrap(api.GET('/api/sites')),
    staleTime: 5 * 60_000,
  });

/** Refreshes one kind of data after a change (every query whose key starts with it). */
export function useRefresh() {
  const client = useQueryClient();
  return (key: readonly unknown[]) => client.invalidateQueries({ queryKey: key });
}
