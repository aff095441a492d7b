import { EditOutlined, MoreOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Descriptions, Dropdown, Flex, Space, Spin } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../../app/api.ts';
import { useMe } from '../../../app/auth/me-context.ts';
import { can } from '../../../app/auth/session.ts';
import { useTexts } from '../../../app/texts.ts';
import { AuditTimeline } from '../../../components/activity-timeline.tsx';
import { codeFormat, flagFormat } from '../../../components/audit-fields.ts';
import { DetailDrawer } from '../../../components/detail-drawer.tsx';
import { ErrorResult } from '../../../components/error-result.tsx';
import { formatDateTime } from '../../../components/format.ts';
import { QrCode } from '../../../components/print/qr-code.tsx';
import { LocationEditForm } from './location-edit-form.tsx';
import { ActiveBadge } from './location-icons.tsx';
import { locationKeys, qrUrl, type Location, type Site } from './location-model.ts';
import { useNodeMenu, type NodeHandlers } from './node-menu.tsx';
import { placesTexts } from './texts.ts';

/**
 * One location beside the list: its details and label QR code, an edit form
 * for managers, its audit trail (audit:read holders) and its files (floor
 * plans, photos).
 */
export function LocationDrawer({
  id,
  site,
  canManage,
  handlers,
  onClose,
  onSaved,
}: {
  id: string | null;
  site: Site;
  canManage: boolean;
  handlers: NodeHandlers;
  onClose: () => void;
  onSaved: (saved: Location, before: Location) => void;
}) {
  const tx = useTexts(placesTexts);
  const me = useMe();
  const [editing, setEditing] = useState(false);
  const nodeMenu = useNodeMenu(handlers, canManage);
  const location = useQuery({
    queryKey: locationKeys.one(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/locations/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
  const l = location.data;
  const close = () => {
    setEditing(false);
    onClose();
  };

  let body;
  if (location.isError) body = <ErrorResult error={location.error} />;
  else if (!l) body = <Spin />;
  else if (editing)
    body = (
      <LocationEditForm
        location={l}
        onCancel={() => setEditing(false)}
        onSaved={(saved) => {
          setEditing(false);
          onSaved(saved, l);
        }}
      />
    );
  else
    body = (
      <Flex vertical gap={16}>
        <Descriptions
          column={1}
          size="small"
          bordered
          items={[
            { key: 'type', label: tx.detail.type, children: tx.types[l.type] },
            { key: 'code', label: tx.detail.code, children: l.code },
            { key: 'path', label: tx.detail.path, children: l.path },
            { key: 'site', label: tx.detail.site, children: site.name },
            { key: 'area', label: tx.detail.areaM2, children: l.areaM2 ? `${l.areaM2} m²` : '—' },
            { key: 'sort', label: tx.detail.sortOrder, children: l.sortOrder },
            {
              key: 'status',
              label: tx.detail.status,
              children: <ActiveBadge active={l.active} />,
            },
            { key: 'created', label: tx.detail.createdAt, children: formatDateTime(l.createdAt) },
            { key: 'updated', label: tx.detail.updatedAt, children: formatDateTime(l.updatedAt) },
            {
              key: 'qr',
              label: tx.detail.qr,
              children: (
                <Flex vertical gap={8} align="flex-start">
                  <QrCode text={qrUrl(l.qrToken)} size="120px" label={tx.detail.qrImage(l.name)} />
                  <Button size="small" onClick={() => handlers.printLabels(l)}>
                    {tx.tree.printLabel}
                  </Button>
                </Flex>
              ),
            },
          ]}
        />
      </Flex>
    );

  return (
    <DetailDrawer
      open={!!id}
      onClose={close}
      title={l?.name ?? ''}
      actions={
        l &&
        canManage &&
        !editing && (
          <Space>
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {tx.detail.edit}
            </Button>
            <Dropdown menu={nodeMenu(l, ['add', 'active', 'qr'])} trigger={['click']}>
              <Button icon={<MoreOutlined />} aria-label={tx.tree.more(l.name)} />
            </Dropdown>
          </Space>
        )
      }
      activity={
        l && can(me, 'audit:read') ? (
          <AuditTimeline
            entityType="location"
            entityId={l.id}
            fields={{
              parentId: tx.form.parent,
              type: { label: tx.detail.type, format: codeFormat(tx.types) },
              code: tx.detail.code,
              name: tx.form.name,
              areaM2: {
                label: tx.detail.areaM2,
                format: (v) => (typeof v === 'number' ? `${v} m²` : null),
              },
              sortOrder: tx.detail.sortOrder,
              active: {
                label: tx.detail.status,
                format: flagFormat(tx.list.active, tx.list.inactive),
              },
            }}
          />
        ) : null
      }
      attachments={l && { entityType: 'location', entityId: l.id, canUpload: canManage }}
    >
      {body}
    </DetailDrawer>
  );
}
