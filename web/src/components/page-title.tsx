import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/** The heading of a page that is not a list (lists get theirs from ListPage). */
export function PageTitle({ children, actions }: { children: ReactNode; actions?: ReactNode }) {
  return (
    <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
      <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
        {children}
      </Typography.Title>
      {actions}
    </Flex>
  );
}
