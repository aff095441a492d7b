import { Checkbox, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../app/auth/me-context.ts';
import { useTexts } from '../../../app/texts.ts';
import { missingPermissions } from '../grantable.ts';
import type { Permission } from '../models.ts';
import { texts } from '../texts.ts';

type Group = { module: string; label: string; permissions: Permission[] };

// The organisation's structure first, the platform's own last; business
// modules (maintenance, canteen…) sit between, in catalogue order.
const FIRST = ['org', 'locations', 'departments', 'people'];
const LAST = ['users', 'audit', 'notify', 'system'];
const rank = (module: string) =>
  FIRST.includes(module)
    ? FIRST.indexOf(module)
    : LAST.includes(module)
      ? 1000 + LAST.indexOf(module)
      : 100;

/** The catalogue grouped by module, with the module's name. */
function useGroups(catalogue: Permission[]): Group[] {
  const t = useTexts(texts);
  const groups = new Map<string, Permission[]>();
  for (const p of catalogue) groups.set(p.module, [...(groups.get(p.module) ?? []), p]);
  return [...groups]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([module, permissions]) => ({
      module,
      label: t.modules[module] ?? module,
      permissions,
    }));
}

function usePermissionLabel(): (p: Permission) => string {
  const { i18n } = useTranslation();
  return (p) => (i18n.language === 'en' ? p.label.en : p.label.zh);
}

/** A role's permissions, read-only, grouped by module. */
export function PermissionList({
  catalogue,
  permissions,
}: {
  catalogue: Permission[];
  permissions: string[];
}) {
  const label = usePermissionLabel();
  const held = new Set(permissions);
  const groups = useGroups(catalogue.filter((p) => held.has(p.key)));
  return (
    <Flex vertical gap={12}>
      {groups.map((g) => (
        <div key={g.module}>
          <Typography.Text strong>{g.label}</Typography.Text>
          <Flex wrap gap={4} style={{ marginTop: 4 }}>
            {g.permissions.map((p) => (
              <Tag key={p.key} title={p.key} style={{ marginInlineEnd: 0 }}>
                {label(p)}
              </Tag>
            ))}
          </Flex>
        </div>
      ))}
    </Flex>
  );
}

/**
 * Permission checkboxes grouped by module, each module with a "select all"
 * box. Permissions the editor does not hold organisation-wide are disabled:
 * the server refuses to hand them out.
 */
export function PermissionPicker({
  catalogue,
  value = [],
  onChange,
  id,
}: {
  catalogue: Permission[];
  value?: string[];
  onChange?: (value: string[]) => void;
  id?: string;
}) {
  const t = useTexts(texts);
  const me = useMe();
  const label = usePermissionLabel();
  const groups = useGroups(catalogue);
  const chosen = new Set(value);
  const allowed = (key: string) => missingPermissions(me, [key], null).length === 0;
  const set = (keys: string[], on: boolean) => {
    const next = new Set(chosen);
    for (const k of keys)
      if (on) next.add(k);
      else next.delete(k);
    onChange?.(catalogue.map((p) => p.key).filter((k) => next.has(k)));
  };

  return (
    <Flex vertical gap={12} id={id}>
      {groups.map((g) => {
        const keys = g.permissions.map((p) => p.key).filter(allowed);
        const n = g.permissions.filter((p) => chosen.has(p.key)).length;
        return (
          <fieldset
            key={g.module}
            style={{ border: '1px solid rgba(5,5,5,0.06)', borderRadius: 8, padding: '8px 12px' }}
          >
            <legend
              style={{
                width: 'auto',
                fontSize: 14,
                padding: '0 4px',
                margin: 0,
                border: 'none',
              }}
            >
              <Checkbox
                checked={keys.length > 0 && keys.every((k) => chosen.has(k))}
                indeterminate={n > 0 && !keys.every((k) => chosen.has(k))}
                disabled={keys.length === 0}
                onChange={(e) => set(keys, e.target.checked)}
                aria-label={t.roles.selectModule(g.label)}
              >
                <Typography.Text strong>{g.label}</Typography.Text>{' '}
                <Typography.Text type="secondary">
                  {t.roles.moduleCount(n, g.permissions.length)}
                </Typography.Text>
              </Checkbox>
            </legend>
            <Flex wrap gap="4px 16px">
              {g.permissions.map((p) => (
                <Checkbox
                  key={p.key}
                  checked={chosen.has(p.key)}
                  disabled={!allowed(p.key)}
                  onChange={(e) => set([p.key], e.target.checked)}
                >
                  {label(p)}{' '}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {p.key}
                  </Typography.Text>
                </Checkbox>
              ))}
            </Flex>
          </fieldset>
        );
      })}
    </Flex>
  );
}
