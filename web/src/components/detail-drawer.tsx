import { Drawer, Grid, Tabs } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AttachmentsPanel } from './attachments/attachments-panel.tsx';

type Props = {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  /** Buttons in the header (edit, disable…). */
  actions?: ReactNode;
  /** The record itself: a Descriptions block or an edit form. */
  children: ReactNode;
  /** The record's history (ActivityTimeline / AuditTimeline); omitted = no tab. */
  activity?: ReactNode;
  /** Files of the record; omitted = no tab. */
  attachments?: { entityType: string; entityId: string; canUpload: boolean };
};

/**
 * A record opened from a list, beside it: details, its activity timeline and
 * its files, each a tab. Full width on a phone.
 */
export function DetailDrawer({
  open,
  onClose,
  title,
  actions,
  children,
  activity,
  attachments,
}: Props) {
  const { t } = useTranslation();
  const phone = Grid.useBreakpoint().md === false;
  const tabs = [
    { key: 'details', label: t('drawer.details'), children },
    ...(activity ? [{ key: 'activity', label: t('drawer.activity'), children: activity }] : []),
    ...(attachments
      ? [
          {
            key: 'attachments',
            label: t('drawer.attachments'),
            children: <AttachmentsPanel {...attachments} />,
          },
        ]
      : []),
  ];
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={title}
      extra={actions}
      size={phone ? '100%' : 640}
      destroyOnHidden
    >
      {tabs.length === 1 ? children : <Tabs items={tabs} />}
    </Drawer>
  );
}
