import { CloseOutlined } from '@ant-design/icons';
import { Select, Tag } from 'antd';
import { useSearchParams } from 'react-router';
import { useSites } from '../../../app/site-choice.ts';
import { useTexts } from '../../../app/texts.ts';
import type { ListFilter } from '../../../components/list/list-types.ts';
import type { Status } from './work-order-model.ts';
import {
  useBuildings,
  useCategories,
  useDepartments,
  usePriorities,
  useTeams,
  useTechnicians,
} from './manage-data.ts';
import { manageTexts } from './texts.ts';

const STATUSES: Status[] = [
  'submitted',
  'assigned',
  'accepted',
  'in_progress',
  'paused',
  'completed',
  'confirmed',
  'closed',
  'cancelled',
];

/**
 * Every filter GET /api/maintenance/work-orders takes, as list filters kept
 * in the URL (the list, the board and the Excel export all read them there).
 * Filters whose options the user may not read are left out.
 */
export function useDispatchFilters(): ListFilter[] {
  const tx = useTexts(manageTexts);
  const [search, setSearch] = useSearchParams();
  const siteId = search.get('siteId') ?? undefined;
  const sites = useSites().data ?? [];
  const categories = useCategories().data ?? [];
  const priorities = usePriorities().data ?? [];
  const buildings = useBuildings(siteId).data?.items ?? [];
  const departments = useDepartments().data?.items ?? [];
  const technicians = useTechnicians(siteId).data;
  const teams = useTeams(siteId).data ?? [];

  const filters: ListFilter[] = [
    { type: 'search', key: 'q', label: tx.filter.q },
    {
      type: 'custom',
      key: 'status',
      label: tx.filter.status,
      render: (value, onChange) => (
        <Select
          mode="multiple"
          allowClear
          aria-label={tx.filter.status}
          placeholder={tx.filter.status}
          value={value ? value.split(',') : []}
          onChange={(v: string[]) => onChange(v.length ? v.join(',') : undefined)}
          options={STATUSES.map((s) => ({ value: s, label: tx.status[s] }))}
          maxTagCount="responsive"
          style={{ minWidth: 160, maxWidth: 320 }}
        />
      ),
    },
    {
      type: 'select',
      key: 'open',
      label: tx.filter.open,
      options: [
        { value: 'true', label: tx.filter.openYes },
        { value: 'false', label: tx.filter.openNo },
      ],
    },
    {
      type: 'select',
      key: 'categoryId',
      label: tx.filter.category,
      options: categories.map((c) => ({ value: c.id, label: c.name })),
    },
    {
      type: 'select',
      key: 'priorityId',
      label: tx.filter.priority,
      options: priorities.map((p) => ({ value: p.id, label: p.name })),
    },
  ];
  if (sites.length > 0)
    filters.push({
      type: 'custom',
      key: 'siteId',
      label: tx.filter.site,
      // The buildings belong to the site: changing the site clears the building.
      render: (value) => (
        <Select
          allowClear
          aria-label={tx.filter.site}
          placeholder={tx.filter.site}
          value={value}
          options={sites.map((s) => ({ value: s.id, label: s.name }))}
          onChange={(v: string | undefined) =>
            setSearch(
              (prev) => {
                const next = new URLSearchParams(prev);
                if (v) next.set('siteId', v);
                else next.delete('siteId');
                next.delete('buildingId');
                next.delete('page');
                return next;
              },
              { replace: true },
            )
          }
          style={{ minWidth: 140 }}
        />
      ),
    });
  if (siteId && buildings.length > 0)
    filters.push({
      type: 'select',
      key: 'buildingId',
      label: tx.filter.building,
      options: buildings.map((b) => ({ value: b.id, label: b.name })),
    });
  if (departments.length > 0)
    filters.push({
      type: 'select',
      key: 'departmentId',
      label: tx.filter.department,
      options: departments.map((d) => ({ value: d.id, label: d.name })),
    });
  if (technicians.length > 0)
    filters.push({
      type: 'select',
      key: 'assigneeUserId',
      label: tx.filter.assignee,
      options: technicians.map((t) => ({ value: t.id, label: t.name })),
    });
  if (teams.length > 0)
    filters.push({
      type: 'select',
      key: 'teamId',
      label: tx.filter.team,
      options: teams.map((t) => ({ value: t.id, label: t.name })),
    });
  filters.push(
    { type: 'dateRange', key: 'from', toKey: 'to', label: tx.filter.dates },
    {
      type: 'select',
      key: 'overdue',
      label: tx.filter.overdue,
      options: [{ value: 'true', label: tx.filter.overdueYes }],
    },
    {
      // Set by links (the dashboard's repeat faults); shown only while it filters.
      type: 'custom',
      key: 'locationId',
      label: tx.filter.location,
      render: (value, onChange) =>
        value ? (
          <Tag
            closable
            closeIcon={<CloseOutlined aria-label={tx.filter.clearLocation} />}
            onClose={() => onChange(undefined)}
            style={{ margin: 0, lineHeight: '30px' }}
          >
            {tx.filter.location}
          </Tag>
        ) : null,
    },
  );
  return filters;
}
