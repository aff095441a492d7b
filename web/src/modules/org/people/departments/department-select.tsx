import { TreeSelect } from 'antd';
import type { CSSProperties } from 'react';
import { useMemo } from 'react';
import { useTexts } from '../../../../app/texts.ts';
import type { Department } from '../models.ts';
import { texts } from '../texts.ts';
import { buildTree, type DepartmentNode, useAllDepartments } from './use-departments.ts';

type Option = {
  value: string;
  title: string;
  search: string;
  disabled?: boolean;
  children: Option[];
};

type Props = {
  /** Form.Item passes id / value / onChange. */
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  placeholder?: string;
  'aria-label'?: string;
  /** Ids that may not be chosen (a department's own subtree when picking its parent). */
  exclude?: ReadonlySet<string>;
  /** Filters may pick inactive departments; forms may not. */
  allowInactive?: boolean;
  disabled?: boolean;
  style?: CSSProperties;
};

function toOptions(
  nodes: DepartmentNode[],
  exclude: ReadonlySet<string> | undefined,
  allowInactive: boolean,
  inactive: string,
): Option[] {
  return nodes.map((n) => ({
    value: n.id,
    title: n.active ? n.name : `${n.name}（${inactive}）`,
    search: `${n.name} ${n.code}`.toLowerCase(),
    disabled: exclude?.has(n.id) || (!allowInactive && !n.active),
    children: toOptions(n.children, exclude, allowInactive, inactive),
  }));
}

/** Picks one department from the tree, searchable by name or code. */
export function DepartmentSelect({
  value,
  onChange,
  exclude,
  allowInactive = false,
  ...rest
}: Props) {
  const t = useTexts(texts);
  const all = useAllDepartments();
  const inactive = t.common.inactive;
  const treeData = useMemo(
    () =>
      toOptions(
        buildTree(all.data?.items ?? ([] as Department[])),
        exclude,
        allowInactive,
        inactive,
      ),
    [all.data, exclude, allowInactive, inactive],
  );
  return (
    <TreeSelect<string>
      {...rest}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      treeData={treeData}
      loading={all.isLoading}
      allowClear
      treeDefaultExpandAll={treeData.length < 30}
      showSearch={{
        filterTreeNode: (input, node) =>
          String((node as unknown as Option).search).includes(input.trim().toLowerCase()),
      }}
      popupMatchSelectWidth={false}
      style={{ width: '100%', ...rest.style }}
    />
  );
}
