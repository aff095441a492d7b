import { BellOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../api.ts';

export const UNREAD_KEY = ['notifications', 'unread-count'] as const;

/** The bell: unread count from the inbox, checked every minute; opens the inbox. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const unread = useQuery({
    queryKey: UNREAD_KEY,
    queryFn: () => unwrap(api.GET('/api/notifications/unread-count')),
    refetchInterval: 60_000,
  });
  const count = unread.data?.count ?? 0;
  return (
    <Button
      type="text"
      onClick={() => void navigate('/notifications')}
      aria-label={count > 0 ? t('header.bellUnread', { count }) : t('header.bell')}
      icon={
        <Badge count={count} size="small" overflowCount={99}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      }
    />
  );
}
