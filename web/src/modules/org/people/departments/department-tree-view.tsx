import { App, Empty, Flex, Input, Tag, Tree, Typography } from 'antd';
import type { TreeDataNode, TreeProps } from 'antd';
import { useMemo, useState } from 'react';
import { api, unwrap } from '../../../../app/api.ts';
import { useTexts } from '../../../../app/texts.ts';
import { ErrorResult } from '../../../../components/error-result.tsx';
import type { Department } from '../models.ts';
import { texts } from '../texts.ts';
import {
  buildTree,
  type DepartmentNode,
  MAX_DEPARTMENTS,
  useAllDepartments,
  useRefreshDepartments,
} from './use-departments.ts';

type Props = {
  /** Drag to move (departments:manage). */
  canMove: boolean;
  selectedId: string | null;
  onOpen: (id: string) => void;
};

type Node = TreeDataNode & { key: string; dep: Department; children: Node[] };

/** Tree nodes; with a search, only matching departments and the way down to them. */
function toNodes(nodes: DepartmentNode[], match: ((d: Department) => boolean) | null): Node[] {
  const out: Node[] = [];
  for (const n of nodes) {
    const children = toNodes(n.children, match);
    if (match && !match(n) && children.length === 0) continue;
    out.push({ key: n.id, title: n.name, dep: n, children, isLeaf: n.children.length === 0 });
  }
  return out;
}

function keysWithChildren(nodes: Node[], into: string[] = []): string[] {
  for (const n of nodes)
    if (n.children.length > 0) {
      into.push(n.key);
      keysWithChildren(n.children, into);
    }
  return into;
}

/**
 * All departments as a tree: search by name or code, inactive ones greyed,
 * click to open, drag onto another department to move it there (after a
 * confirmation; the server refuses a move under its own subtree and says so).
 */
export function DepartmentTreeView({ canMove, selectedId, onOpen }: Props) {
  const t = useTexts(texts);
  const { message, modal } = App.useApp();
  const all = useAllDepartments();
  const refresh = useRefreshDepartments();
  const [search, setSearch] = useState('');
  const [expanded, setExpanded] = useState<string[] | null>(null);

  const forest = useMemo(() => buildTree(all.data?.items ?? []), [all.data]);
  const byId = useMemo(() => new Map((all.data?.items ?? []).map((d) => [d.id, d])), [all.data]);
  const text = search.trim().toLowerCase();
  const match = useMemo(
    () =>
      text
        ? (d: Department) =>
            d.name.toLowerCase().includes(text) || d.code.toLowerCase().includes(text)
        : null,
    [text],
  );
  const treeData = useMemo(() => toNodes(forest, match), [forest, match]);
  // Searching opens the way to every match; otherwise the top level starts open.
  const expandedKeys = match
    ? keysWithChildren(treeData)
    : (expanded ?? treeData.filter((n) => n.children.length > 0).map((n) => n.key));

  const move = async (dep: Department, parent: Department | null) => {
    try {
      await unwrap(
        api.PATCH('/api/departments/{id}', {
          params: { path: { id: dep.id } },
          body: { parentId: parent?.id ?? null },
        }),
      );
      void message.success(
        parent ? t.departments.moved(dep.name, parent.name) : t.departments.movedTop(dep.name),
      );
      await refresh();
    } catch (err) {
      void message.error(err instanceof Error ? err.message : String(err));
    }
  };

  const onDrop: TreeProps<Node>['onDrop'] = (info) => {
    const dep = (info.dragNode as unknown as Node).dep;
    const target = (info.node as unknown as Node).dep;
    // Dropped onto a department: under it. Dropped between two: beside them (same parent).
    const parent = info.dropToGap
      ? target.parentId
        ? (byId.get(target.parentId) ?? null)
        : null
      : target;
    if ((parent?.id ?? null) === dep.parentId) return;
    modal.confirm({
      title: parent
        ? t.departments.moveConfirm(dep.name, parent.name)
        : t.departments.moveTopConfirm(dep.name),
      okText: t.departments.move,
      cancelText: t.common.cancel,
      onOk: () => move(dep, parent),
    });
  };

  if (all.isError) return <ErrorResult error={all.error} onRetry={() => void all.refetch()} />;
  const total = all.data?.total ?? 0;
  const loaded = all.data?.items.length ?? 0;

  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={8} align="center" justify="space-between">
        <Input.Search
          allowClear
          aria-label={t.departments.search}
          placeholder={t.departments.search}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          style={{ width: 280, maxWidth: '100%' }}
        />
        <Typography.Text type="secondary">
          {t.departments.count(total)}
          {canMove && total > 1 ? ` · ${t.departments.dragHint}` : ''}
        </Typography.Text>
      </Flex>
      {loaded < total && loaded >= MAX_DEPARTMENTS && (
        <Typography.Text type="warning">{t.departments.tooMany(loaded)}</Typography.Text>
      )}
      {all.isLoading ? (
        <Typography.Text type="secondary">{t.common.loading}</Typography.Text>
      ) : treeData.length === 0 ? (
        <Empty description={match ? t.departments.noMatch : t.departments.empty} />
      ) : (
        <section aria-label={t.departments.treeLabel}>
          <Tree<Node>
            blockNode
            showLine
            height={treeData.length > 0 && loaded > 200 ? 600 : undefined}
            treeData={treeData}
            expandedKeys={expandedKeys}
            onExpand={(keys) => !match && setExpanded(keys.map(String))}
            selectedKeys={selectedId ? [selectedId] : []}
            onSelect={(_keys, info) => onOpen(info.node.key)}
            draggable={canMove && !match ? { icon: false } : false}
            onDrop={onDrop}
            titleRender={(node) => <NodeTitle dep={node.dep} text={text} />}
          />
        </section>
      )}
    </Flex>
  );
}

function NodeTitle({ dep, text }: { dep: Department; text: string }) {
  const t = useTexts(texts);
  const hit =
    text !== '' && (dep.name.toLowerCase().includes(text) || dep.code.toLowerCase().includes(text));
  return (
    <span>
      <Typography.Text type={dep.active ? undefined : 'secondary'} strong={hit}>
        {dep.name}
      </Typography.Text>{' '}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {dep.code}
      </Typography.Text>
      {!dep.active && (
        <Tag style={{ marginInlineStart: 8 }} bordered={false}>
          {t.common.inactive}
        </Tag>
      )}
    </span>
  );
}
