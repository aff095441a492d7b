import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Col, Row } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../../../app/api.ts';
import { useMe } from '../../../app/auth/me-context.ts';
import { LocationCreateModal } from './location-create-modal.tsx';
import { LocationDrawer } from './location-drawer.tsx';
import { LocationList } from './location-list.tsx';
import { canAt, locationKeys, type Location, type Site } from './location-model.ts';
import { LocationTree } from './location-tree.tsx';
import type { NodeHandlers } from './node-menu.tsx';
import { useLocationActions } from './use-location-actions.ts';
import { parentKey, useLocationTree } from './use-location-tree.ts';

/** One site's tree (left) and list (right; below on phones), sharing the drawer and forms. */
export function SiteWorkspace({ site }: { site: Site }) {
  const me = useMe();
  const client = useQueryClient();
  const [search, setSearch] = useSearchParams();
  const tree = useLocationTree(site.id);
  const canManage = canAt(me, 'locations:manage', site.id);
  const [drawerId, setDrawerId] = useState<string | null>(null);
  const [creating, setCreating] = useState<{ parent: Location | null } | null>(null);

  // The tree node selected = the list's scope (`under` in the address).
  const under = search.get('under') ?? undefined;
  const scope = useQuery({
    queryKey: locationKeys.one(under ?? ''),
    queryFn: () => unwrap(api.GET('/api/locations/{id}', { params: { path: { id: under! } } })),
    enabled: !!under,
  });
  const selected = under && scope.data?.id === under ? scope.data : undefined;
  const select = (id: string | undefined) =>
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (id) next.set('under', id);
        else next.delete('under');
        next.delete('page');
        return next;
      },
      { replace: true },
    );

  /** After any change: the list, open details and the open branches of the tree. */
  const changed = () => client.invalidateQueries({ queryKey: locationKeys.all });

  const actions = useLocationActions();
  const handlers: NodeHandlers = {
    open: (l) => setDrawerId(l.id),
    addChild: (parent) => setCreating({ parent }),
    ...actions,
  };

  // A new node goes after its ordered siblings (numbers set by dragging), else by code.
  const siblingsOf = (parent: Location | null) => tree.children[parentKey(parent?.id ?? null)];
  const nextSortOrder = (parent: Location | null) => {
    const max = Math.max(0, ...(siblingsOf(parent) ?? []).map((s) => s.sortOrder));
    return max > 0 ? max + 10 : undefined;
  };

  return (
    <>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={8} xxl={6} style={{ minWidth: 0 }}>
          <LocationTree
            site={site}
            tree={tree}
            selected={selected}
            onSelect={select}
            canManage={canManage}
            handlers={handlers}
            onAddRoot={() => setCreating({ parent: null })}
            onMoved={changed}
          />
        </Col>
        <Col xs={24} xl={16} xxl={18} style={{ minWidth: 0 }}>
          <LocationList
            site={site}
            scope={selected}
            onClearScope={() => select(undefined)}
            canManage={canManage}
            onOpen={handlers.open}
            onImported={() => void changed()}
          />
        </Col>
      </Row>
      <LocationDrawer
        id={drawerId}
        site={site}
        canManage={canManage}
        handlers={handlers}
        onClose={() => setDrawerId(null)}
        onSaved={() => void changed()}
      />
      {creating && (
        <LocationCreateModal
          site={site}
          parent={creating.parent}
          sortOrder={nextSortOrder(creating.parent)}
          onClose={() => setCreating(null)}
          onCreated={(l) => {
            setCreating(null);
            void changed().then(() => (l.parentId ? tree.expand(l.parentId) : undefined));
          }}
        />
      )}
    </>
  );
}
