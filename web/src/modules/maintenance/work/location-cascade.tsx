import { useQuery } from '@tanstack/react-query';
import { Flex, Form, Select } from 'antd';
import { api, unwrap } from '../../../app/api.ts';
import { useSites } from '../../../app/site-choice.ts';
import { useTexts } from '../../../app/texts.ts';
import { workTexts } from './texts.ts';

type LocationType = 'building' | 'floor' | 'room' | 'area';

/**
 * The place as a chain of selects, site → building → floor → room: one
 * select a line is easier to use on a phone than a cascader's side-by-side
 * columns, which do not fit 375 px. Each level is loaded when the one above
 * is chosen; stopping at any level is allowed (a whole floor, a building).
 * The value is the chain of ids, the site's first.
 */
export function LocationCascade({
  value = [],
  onChange,
}: {
  value?: string[];
  onChange?: (ids: string[]) => void;
}) {
  const tx = useTexts(workTexts);
  const sites = useSites();
  const [siteId, ...path] = value;
  const set = (level: number, id: string | undefined) =>
    onChange?.(id ? [...value.slice(0, level), id] : value.slice(0, level));
  return (
    <Flex vertical gap={8}>
      <Form.Item label={tx.report.site} required style={{ margin: 0 }} layout="vertical">
        <Select
          aria-label={tx.report.site}
          size="large"
          loading={sites.isPending}
          value={siteId}
          onChange={(id: string) => set(0, id)}
          options={sites.data?.map((s) => ({ value: s.id, label: s.name }))}
          showSearch={{ optionFilterProp: 'label' }}
        />
      </Form.Item>
      {siteId && (
        <Level siteId={siteId} parentId="root" value={path[0]} onChange={(id) => set(1, id)} />
      )}
      {path.map((parent, i) => (
        <Level
          key={parent}
          siteId={siteId!}
          parentId={parent}
          value={path[i + 1]}
          onChange={(id) => set(i + 2, id)}
        />
      ))}
    </Flex>
  );
}

function Level({
  siteId,
  parentId,
  value,
  onChange,
}: {
  siteId: string;
  parentId: string;
  value: string | undefined;
  onChange: (id: string | undefined) => void;
}) {
  const tx = useTexts(workTexts);
  const children = useQuery({
    queryKey: ['locations', 'children', siteId, parentId],
    queryFn: () =>
      unwrap(
        api.GET('/api/locations', {
          params: { query: { siteId, parentId, active: 'true', sort: 'sortOrder', pageSize: 200 } },
        }),
      ),
    staleTime: 60_000,
  });
  const items = children.data?.items ?? [];
  if (children.isSuccess && items.length === 0) return null;
  // Name the level after what it holds (楼层 when the children are floors).
  const types = new Set<LocationType>(items.map((l) => l.type));
  const labels = tx.report.levels;
  const label = types.size === 1 ? labels[[...types][0]!] : labels.any;
  return (
    <Form.Item label={label} style={{ margin: 0 }} layout="vertical">
      <Select
        aria-label={label}
        size="large"
        allowClear
        loading={children.isPending}
        value={value}
        onChange={(id: string | undefined) => onChange(id)}
        options={items.map((l) => ({ value: l.id, label: l.name }))}
        showSearch={{ optionFilterProp: 'label' }}
      />
    </Form.Item>
  );
}
