import { useSites } from '../../../app/site-choice.ts';
import type { ListFilter } from '../../../components/list/list-types.ts';

/** The site filter of a list, when the user sees more than one site (else it filters nothing). */
export function useSiteFilter(label: string): ListFilter[] {
  const sites = useSites().data ?? [];
  if (sites.length < 2) return [];
  return [
    {
      type: 'select',
      key: 'siteId',
      label,
      options: sites.map((s) => ({ value: s.id, label: s.name })),
    },
  ];
}
