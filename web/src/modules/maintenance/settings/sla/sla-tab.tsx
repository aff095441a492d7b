import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Skeleton, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTexts } from '../../../../app/texts.ts';
import { ActiveTag } from '../../../../components/active-tag.tsx';
import { ErrorResult } from '../../../../components/error-result.tsx';
import { useCategories, usePriorities, useSlaTargets, type Priority } from '../data.ts';
import { texts } from '../texts.ts';
import { useDurationText } from '../use-duration-text.ts';
import { PriorityModal } from './priority-modal.tsx';
import { SlaMatrix } from './sla-matrix.tsx';

/** 优先级与时限: the priorities with their default targets, then the category × priority matrix. */
export default function SlaTab() {
  const t = useTexts(texts);
  const duration = useDurationText();
  const categories = useCategories();
  const priorities = usePriorities();
  const targets = useSlaTargets();
  const [editing, setEditing] = useState<Priority | 'new' | null>(null);

  const failed = [categories, priorities, targets].find((q) => q.isError);
  if (failed) return <ErrorResult error={failed.error} onRetry={() => void failed.refetch()} />;

  return (
    <>
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 8 }}>
        <Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>
          {t.priorities.heading}
        </Typography.Title>
        <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t.priorities.add}
        </Button>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 760 }}>
        {t.priorities.intro}
      </Typography.Paragraph>
      <Table<Priority>
        rowKey="id"
        size="middle"
        loading={priorities.isPending}
        dataSource={priorities.data}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { key: 'rank', title: t.priorities.rank, render: (_: unknown, p) => p.rank },
          { key: 'name', title: t.common.name, render: (_: unknown, p) => p.name },
          {
            key: 'response',
            title: t.priorities.response,
            render: (_: unknown, p) => duration(p.responseMinutes, p.roundTheClock),
          },
          {
            key: 'completion',
            title: t.priorities.completion,
            render: (_: unknown, p) => duration(p.completionMinutes, p.roundTheClock),
          },
          {
            key: 'clock',
            title: t.priorities.clock,
            render: (_: unknown, p) =>
              p.roundTheClock ? (
                <Tag color="red" style={{ color: '#a8071a' }}>
                  {t.priorities.allHours}
                </Tag>
              ) : (
                <Tag>{t.priorities.workingTime}</Tag>
              ),
          },
          {
            key: 'active',
            title: t.common.status,
            render: (_: unknown, p) => (
              <ActiveTag active={p.active} yes={t.common.active} no={t.common.inactive} />
            ),
          },
          {
            key: 'actions',
            title: t.common.actions,
            render: (_: unknown, p) => (
              <Button
                size="small"
                aria-label={t.priorities.editOf(p.name)}
                onClick={() => setEditing(p)}
              >
                {t.common.edit}
              </Button>
            ),
          },
        ]}
      />
      <Typography.Title level={3} style={{ margin: '32px 0 8px', fontSize: 16 }}>
        {t.sla.heading}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 760 }}>
        {t.sla.intro}
      </Typography.Paragraph>
      {categories.data && priorities.data && targets.data ? (
        <SlaMatrix
          categories={categories.data.filter((c) => c.active)}
          priorities={priorities.data.filter((p) => p.active)}
          targets={targets.data}
        />
      ) : (
        <Skeleton active />
      )}
      <PriorityModal
        open={editing !== null}
        priority={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
      />
    </>
  );
}
