import { Badge, Space } from 'antd';
import { useTexts } from '../../../app/texts.ts';
import type { User } from '../models.ts';
import { texts } from '../texts.ts';

// Badges (a coloured dot beside normal text) rather than coloured tags: antd's
// green and orange tag text is below WCAG AA contrast on its tinted ground.

/** 正常 / 已停用, and whether the user still has to replace a temporary password. */
export function UserStatus({ user }: { user: User }) {
  const t = useTexts(texts);
  return (
    <Space size={12} wrap>
      {user.active ? (
        <Badge status="success" text={t.users.active} />
      ) : (
        <Badge status="default" text={t.users.disabled} />
      )}
      {user.active && user.mustChangePassword && (
        <Badge status="warning" text={t.users.mustChange} />
      )}
    </Space>
  );
}
