import { Card, Descriptions, Table } from 'antd';
import { useTexts } from '../../../app/texts.ts';
import { formatYuan } from '../../../components/format.ts';
import type { WorkOrderDetail } from './model.ts';
import { workTexts } from './texts.ts';

type Material = WorkOrderDetail['materials'][number];

/**
 * Labour lines that say something: completions recorded before the server
 * stopped storing them kept a "0 分钟" line for whoever completed without minutes.
 */
function workedLabour(o: Pick<WorkOrderDetail, 'labour'>) {
  return o.labour.filter((l) => l.minutes > 0);
}

/** What the technician did and used: cause, action, labour, materials and the costs in ¥. */
export function WorkRecord({ order: o }: { order: WorkOrderDetail }) {
  const tx = useTexts(workTexts);
  const total = o.materialsFen + o.outsideFen;
  const labour = workedLabour(o);
  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{tx.detail.work}</h2>}>
      <Descriptions
        size="small"
        column={1}
        items={[
          ...(o.cause ? [{ key: 'cause', label: tx.detail.cause, children: o.cause }] : []),
          ...(o.actionTaken
            ? [{ key: 'action', label: tx.detail.actionTaken, children: o.actionTaken }]
            : []),
          ...(labour.length > 0
            ? [
                {
                  key: 'labour',
                  label: tx.detail.labour,
                  children: labour
                    .map((l) => `${l.workerName} ${tx.detail.minutes(l.minutes)}`)
                    .join('；'),
                },
              ]
            : []),
        ]}
      />
      {o.materials.length > 0 && (
        <Table<Material>
          style={{ marginTop: 12 }}
          size="small"
          rowKey="id"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={o.materials}
          columns={[
            { key: 'name', title: tx.detail.materialName, render: (_, m) => m.name },
            {
              key: 'qty',
              title: tx.detail.quantity,
              align: 'right',
              render: (_, m) => `${m.quantity}${m.unit ? ` ${m.unit}` : ''}`,
            },
            {
              key: 'unit',
              title: tx.detail.unitCost,
              align: 'right',
              render: (_, m) => formatYuan(m.unitCostFen),
            },
            {
              key: 'amount',
              title: tx.detail.amount,
              align: 'right',
              render: (_, m) => formatYuan(m.amountFen),
            },
          ]}
        />
      )}
      <Descriptions
        style={{ marginTop: 12 }}
        size="small"
        column={1}
        items={[
          { key: 'materials', label: tx.detail.materials, children: formatYuan(o.materialsFen) },
          ...(o.outsideFen > 0
            ? [{ key: 'outside', label: tx.detail.outside, children: formatYuan(o.outsideFen) }]
            : []),
          { key: 'total', label: tx.detail.total, children: <strong>{formatYuan(total)}</strong> },
        ]}
      />
    </Card>
  );
}
