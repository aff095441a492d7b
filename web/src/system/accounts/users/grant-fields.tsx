import { useQueryClient } from '@tanstack/react-query';
import { Form, Radio, Select } from 'antd';
import { useEffect } from 'react';
import { sitesQueryKey } from '../../../app/site-choice.ts';
import { useMe } from '../../../app/auth/me-context.ts';
import { useTexts } from '../../../app/texts.ts';
import { missingPermissions } from '../grantable.ts';
import { texts } from '../texts.ts';
import { useRoleName, useRoles, useSiteNames } from '../use-reference.ts';

/** The values these fields add to a form; `scope` decides whether `siteId` is sent. */
export type GrantValues = { roleId?: string; scope: 'org' | 'site'; siteId?: string };

/** `{ roleId, siteId }` as the API takes it, or null when no role was chosen. */
export function grantOf(v: GrantValues): { roleId: string; siteId: string | null } | null {
  if (!v.roleId) return null;
  return { roleId: v.roleId, siteId: v.scope === 'site' ? (v.siteId ?? null) : null };
}

/**
 * A role and where it applies: the whole organisation or one site. Roles
 * holding permissions the user lacks at that scope are shown but disabled.
 */
export function GrantFields({ roleLabel, required }: { roleLabel: string; required: boolean }) {
  const t = useTexts(texts);
  const me = useMe();
  const roles = useRoles();
  const roleName = useRoleName();
  const { sites } = useSiteNames();
  const form = Form.useFormInstance<GrantValues>();
  const scope = Form.useWatch('scope', form) ?? 'org';
  const siteId = Form.useWatch('siteId', form);
  const roleId = Form.useWatch('roleId', form);
  const client = useQueryClient();
  // A site created a moment ago (another tab, another administrator) must be choosable.
  useEffect(() => {
    void client.invalidateQueries({ queryKey: sitesQueryKey });
  }, [client]);
  const checkAt = scope === 'site' ? (siteId ?? null) : null;
  const chosenScope = scope === 'org' || siteId;

  return (
    <>
      <Form.Item
        name="roleId"
        label={roleLabel}
        extra={required ? undefined : t.users.initialRoleHelp}
        rules={required ? [{ required: true, message: t.grants.pickRole }] : []}
      >
        <Select
          allowClear={!required}
          loading={roles.isPending}
          showSearch={{ optionFilterProp: 'label' }}
          options={(roles.data ?? []).map((r) => {
            const over = chosenScope && missingPermissions(me, r.permissions, checkAt).length > 0;
            return {
              value: r.id,
              label: over ? `${roleName(r)}${t.grants.beyondYou}` : roleName(r),
              disabled: !!over,
            };
          })}
        />
      </Form.Item>
      {(required || roleId) && (
        <>
          <Form.Item name="scope" label={t.users.scope} initialValue="org">
            <Radio.Group
              options={[
                { value: 'org', label: t.scope.org },
                { value: 'site', label: t.scope.site },
              ]}
            />
          </Form.Item>
          {scope === 'site' && (
            <Form.Item
              name="siteId"
              label={t.scope.siteLabel}
              rules={[{ required: true, message: t.users.roleRequiresScope }]}
            >
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={sites.map((s) => ({ value: s.id, label: s.name }))}
                notFoundContent={t.grants.noSites}
              />
            </Form.Item>
          )}
        </>
      )}
    </>
  );
}
