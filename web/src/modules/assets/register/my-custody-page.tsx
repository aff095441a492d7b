import { Button, Card, Result, Typography } from 'antd';
import { Navigate, useNavigate } from 'react-router';
import { useMe } from '../../../app/auth/me-context.ts';
import { can } from '../../../app/auth/session.ts';
import { useTexts } from '../../../app/texts.ts';
import { PageTitle } from '../../../components/page-title.tsx';
import { registerTexts } from './texts.ts';

/**
 * 本部门责任书: the menu's way to the custody agreement of the signed-in
 * user's own department (the department of their staff record, from
 * /api/me), so a department head opens it without assets:read or the reports
 * page. Without a department it says how to get one linked.
 */
export default function MyCustodyPage() {
  const tx = useTexts(registerTexts);
  const me = useMe();
  const navigate = useNavigate();
  if (me.departmentId) return <Navigate replace to={`/assets/custody/${me.departmentId}`} />;
  const reader = can(me, 'assets:read', 'site');
  return (
    <>
      <PageTitle>{tx.myCustody.title}</PageTitle>
      <Card>
        <Result
          status="info"
          title={tx.myCustody.noDepartment}
          subTitle={
            <>
              <Typography.Paragraph style={{ marginBottom: 4 }}>
                {tx.myCustody.noDepartmentHint}
              </Typography.Paragraph>
              {reader && <Typography.Paragraph>{tx.myCustody.readerHint}</Typography.Paragraph>}
            </>
          }
          extra={
            reader && (
              <Button type="primary" onClick={() => void navigate('/assets/reports?tab=custody')}>
                {tx.myCustody.toReports}
              </Button>
            )
          }
        />
      </Card>
    </>
  );
}
