import { Space, Tag } from 'antd';
import { useTexts } from '../../../app/texts.ts';
import type { UserGrant } from '../models.ts';
import { texts } from '../texts.ts';
import { useRoleName, useRoles, useSiteNames } from '../use-reference.ts';

/** "全院" or the site's name (its id while sites load or when they may not be listed). */
export function useScopeLabel(): (siteId: string | null) => string {
  const t = useTexts(texts);
  const { byId } = useSiteNames();
  return (siteId) => (siteId === null ? t.scope.orgTag : (byId.get(siteId) ?? siteId));
}

/** A grant's role in the reader's language. */
export function useGrantRoleName(): (g: UserGrant) => string {
  const roles = useRoles();
  const roleName = useRoleName();
  return (g) => {
    const role = roles.data?.find((r) => r.id === g.roleId);
    return role ? roleName(role) : g.roleName;
  };
}

/** An account's grants in a list cell: "维修工 · 西院区", one tag each. */
export function GrantTags({ grants }: { grants: UserGrant[] }) {
  const t = useTexts(texts);
  const scope = useScopeLabel();
  const name = useGrantRoleName();
  if (grants.length === 0) return <>{t.common.none}</>;
  return (
    <Space size={[4, 4]} wrap>
      {grants.map((g) => (
        <Tag
          key={g.id}
          color={g.siteId === null ? 'blue' : undefined}
          style={{ marginInlineEnd: 0 }}
        >
          {name(g)} · {scope(g.siteId)}
        </Tag>
      ))}
    </Space>
  );
}
