import { Button, Empty, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTexts } from '../../../../app/texts.ts';
import type { Category, Priority, SlaTarget } from '../data.ts';
import { texts } from '../texts.ts';
import { useDurationText } from '../use-duration-text.ts';
import { SlaCellModal, type SlaCell } from './sla-cell-modal.tsx';

/**
 * Categories down, priorities across; each cell the targets an order of that
 * kind gets. A cell without an override shows the priority's defaults in
 * grey; an override is bold. Each cell is a button opening its editor.
 */
export function SlaMatrix({
  categories,
  priorities,
  targets,
}: {
  categories: Category[];
  priorities: Priority[];
  targets: SlaTarget[];
}) {
  const t = useTexts(texts);
  const duration = useDurationText();
  const [cell, setCell] = useState<SlaCell | null>(null);
  const byPair = new Map(targets.map((s) => [`${s.categoryId} ${s.priorityId}`, s]));
  if (!categories.length || !priorities.length) return <Empty description={t.sla.noCategories} />;

  const render = (category: Category, priority: Priority) => {
    const target = byPair.get(`${category.id} ${priority.id}`);
    const v = target ?? priority;
    const fmt = (m: number) => duration(m, priority.roundTheClock);
    const value = t.sla.cell(fmt(v.responseMinutes), fmt(v.completionMinutes));
    return (
      <Button
        type="text"
        aria-label={t.sla.cellLabel(category.name, priority.name, value, !!target)}
        onClick={() => setCell({ category, priority, target })}
        style={{ height: 'auto', padding: '4px 8px', textAlign: 'left', whiteSpace: 'normal' }}
      >
        <Typography.Text
          type={target ? undefined : 'secondary'}
          strong={!!target}
          style={{ fontSize: 13 }}
        >
          {fmt(v.responseMinutes)}
          <br />
          {fmt(v.completionMinutes)}
          {target && (
            <>
              <br />
              <Typography.Text type="warning" style={{ fontSize: 12, color: '#874d00' }}>
                {t.sla.custom}
              </Typography.Text>
            </>
          )}
        </Typography.Text>
      </Button>
    );
  };

  return (
    <>
      <Table<Category>
        rowKey="id"
        size="small"
        bordered
        pagination={false}
        dataSource={categories}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            key: 'category',
            title: t.sla.category,
            fixed: 'left',
            render: (_: unknown, c) => c.name,
          },
          ...priorities.map((p) => ({
            key: p.id,
            title: (
              <span>
                {p.name}
                <br />
                <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
                  {t.sla.columnHint}
                </Typography.Text>
              </span>
            ),
            render: (_: unknown, c: Category) => render(c, p),
          })),
        ]}
      />
      <SlaCellModal cell={cell} onClose={() => setCell(null)} />
    </>
  );
}
