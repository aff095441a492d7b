import { CloseOutlined, MoreOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Dropdown, Empty, Flex, Grid, Spin, Tag, Tree, Typography } from 'antd';
import type { TreeDataNode, TreeProps } from 'antd';
import { useState, type Key } from 'react';
import { api, unwrap } from '../../../app/api.ts';
import { useTexts } from '../../../app/texts.ts';
import { ErrorResult } from '../../../components/error-result.tsx';
import { LocationIcon } from './location-icons.tsx';
import type { Location, Site } from './location-model.ts';
import { canHaveChildren, mayMoveUnder } from './location-rules.ts';
import { useNodeMenu, type NodeHandlers } from './node-menu.tsx';
import { placesTexts } from './texts.ts';
import { planDrop, planDropInto, type DropPatch } from './tree-drop.ts';
import { parentKey, ROOT, type LocationTreeState } from './use-location-tree.ts';

type Props = {
  site: Site;
  tree: LocationTreeState;
  selected: Location | undefined;
  onSelect: (id: string | undefined) => void;
  canManage: boolean;
  handlers: NodeHandlers;
  onAddRoot: () => void;
  /** After a drop (or a refused one): reload the tree and the list. */
  onMoved: () => Promise<void>;
};

/**
 * One site's location tree: children load when a node opens; managers drag
 * a node onto another (move under it) or between two (reorder). Only drops
 * the server's tree rules allow are offered; if the server still refuses
 * (someone else changed the tree meanwhile), its message is shown and the
 * tree stays as it was, since it changes only after the server agreed.
 */
export function LocationTree(props: Props) {
  const { site, tree, selected, canManage, handlers } = props;
  const tx = useTexts(placesTexts);
  const { message } = App.useApp();
  const phone = Grid.useBreakpoint().md === false;
  const nodeMenu = useNodeMenu(handlers, canManage);
  const [moving, setMoving] = useState(false);

  const root = tree.root;

  const toNodes = (key: string): TreeDataNode[] | undefined =>
    tree.children[key]?.map((l) => ({
      key: l.id,
      isLeaf: !canHaveChildren(l.type),
      title: (
        <Dropdown menu={nodeMenu(l)} trigger={['contextMenu']}>
          <span style={{ display: 'flex', gap: 6, alignItems: 'baseline' }}>
            <LocationIcon type={l.type} />
            <span style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
              <span>{l.name}</span>{' '}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {l.code}
              </Typography.Text>
              {!l.active && (
                <Tag style={{ marginInlineStart: 6, marginInlineEnd: 0 }}>{tx.list.inactive}</Tag>
              )}
            </span>
          </span>
        </Dropdown>
      ),
      children: toNodes(l.id),
    }));

  const allowDrop: TreeProps['allowDrop'] = ({ dragNode, dropNode, dropPosition }) => {
    const dragged = tree.byId.get(String(dragNode.key));
    const target = tree.byId.get(String(dropNode.key));
    if (!dragged || !target) return false;
    if (dropPosition === 0) return mayMoveUnder(dragged.type, target.type);
    const parent = target.parentId ? tree.byId.get(target.parentId) : undefined;
    return mayMoveUnder(dragged.type, parent?.type ?? null);
  };

  const onDrop: TreeProps['onDrop'] = (info) => {
    const dragged = tree.byId.get(String(info.dragNode.key));
    const target = tree.byId.get(String(info.node.key));
    if (!dragged || !target) return;
    const relative = info.dropPosition - Number(info.node.pos.split('-').pop());
    const targetChildren = tree.children[target.id];
    let patches: DropPatch[];
    if (!info.dropToGap) {
      patches = planDropInto(dragged, target.id, targetChildren);
    } else if (relative === 1 && info.node.expanded && targetChildren?.length) {
      // Dropped just below an open node: its first child.
      patches = planDrop(dragged, { parentId: target.id, siblings: targetChildren, index: 0 });
    } else {
      const siblings = tree.children[parentKey(target.parentId)] ?? [];
      const at = siblings.findIndex((s) => s.id === target.id);
      patches = planDrop(dragged, {
        parentId: target.parentId,
        siblings,
        index: relative === -1 ? at : at + 1,
      });
    }
    if (patches.length > 0) void apply(dragged, patches);
  };

  async function apply(dragged: Location, patches: DropPatch[]) {
    const [first, ...rest] = patches as [DropPatch, ...DropPatch[]];
    const send = ({ id, ...body }: DropPatch) =>
      unwrap(api.PATCH('/api/locations/{id}', { params: { path: { id } }, body }));
    setMoving(true);
    try {
      const moved = await send(first);
      await Promise.all(rest.map(send));
      await props.onMoved();
      if (moved.parentId && first.parentId) await tree.expand(moved.parentId);
      void message.success(
        first.parentId !== undefined ? tx.tree.moved(dragged.name) : tx.tree.reordered,
      );
    } catch (err) {
      void message.error((err as Error).message);
      await props.onMoved();
    } finally {
      setMoving(false);
    }
  }

  const loadData = async (node: { key: Key }) => {
    try {
      await tree.load(String(node.key));
    } catch (err) {
      void message.error((err as Error).message);
    }
  };

  let body;
  if (root.isError) body = <ErrorResult error={root.error} onRetry={() => void root.refetch()} />;
  else if (root.isPending) body = <Spin aria-label={tx.tree.loading} />;
  else if (root.data.length === 0)
    body = (
      <Empty
        description={
          <>
            <div>{tx.tree.empty}</div>
            {canManage && <div>{tx.tree.emptyManage}</div>}
          </>
        }
      />
    );
  else
    body = (
      <Spin spinning={moving}>
        <Tree
          aria-label={tx.tree.label(site.name)}
          blockNode
          treeData={toNodes(ROOT)}
          loadData={loadData}
          loadedKeys={Object.keys(tree.children).filter((k) => k !== ROOT)}
          expandedKeys={tree.expanded}
          onExpand={(keys) => tree.setExpanded(keys.map(String))}
          selectedKeys={selected ? [selected.id] : []}
          onSelect={(keys) => props.onSelect(keys[0] === undefined ? undefined : String(keys[0]))}
          draggable={canManage && !phone && !moving ? { icon: false } : false}
          allowDrop={allowDrop}
          onDrop={onDrop}
        />
      </Spin>
    );

  return (
    <Card
      size="small"
      title={<h2 style={{ margin: 0, fontSize: 16 }}>{tx.tree.title}</h2>}
      extra={
        canManage && (
          <Button size="small" icon={<PlusOutlined />} onClick={props.onAddRoot}>
            {tx.tree.addRoot}
          </Button>
        )
      }
    >
      {selected && <SelectedBar {...props} selected={selected} nodeMenu={nodeMenu} />}
      <div style={{ maxHeight: phone ? 360 : '65vh', overflow: 'auto' }}>{body}</div>
      {canManage && !phone && root.data && root.data.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
          {tx.tree.dragHint}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

/** The selected node and what one can do with it (the keyboard way to every node action). */
function SelectedBar({
  selected,
  canManage,
  handlers,
  onSelect,
  nodeMenu,
}: Props & { selected: Location; nodeMenu: ReturnType<typeof useNodeMenu> }) {
  const tx = useTexts(placesTexts);
  return (
    <Flex
      vertical
      gap={6}
      style={{ marginBottom: 8, paddingBottom: 8, borderBottom: '1px solid rgba(5,5,5,0.06)' }}
      role="group"
      aria-label={tx.tree.actionsOf(selected.name)}
    >
      <Flex align="center" gap={6}>
        <LocationIcon type={selected.type} />
        <Typography.Text strong style={{ minWidth: 0, overflowWrap: 'anywhere', flex: 1 }}>
          {selected.path}
        </Typography.Text>
        <Button
          type="text"
          size="small"
          icon={<CloseOutlined />}
          aria-label={tx.tree.clearSelection}
          onClick={() => onSelect(undefined)}
        />
      </Flex>
      <Flex wrap gap={6}>
        <Button size="small" onClick={() => handlers.open(selected)}>
          {tx.tree.details}
        </Button>
        {canManage && canHaveChildren(selected.type) && selected.active && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => handlers.addChild(selected)}>
            {tx.tree.addChild}
          </Button>
        )}
        <Button size="small" onClick={() => handlers.printLabels(selected)}>
          {selected.type === 'room' ? tx.tree.printLabel : tx.tree.printLabels}
        </Button>
        {canManage && (
          <Dropdown menu={nodeMenu(selected, ['active', 'qr'])} trigger={['click']}>
            <Button size="small" icon={<MoreOutlined />} aria-label={tx.tree.more(selected.name)} />
          </Dropdown>
        )}
      </Flex>
    </Flex>
  );
}
