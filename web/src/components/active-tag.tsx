import { Tag } from 'antd';

/** A green "active / employed" tag whose text passes AA (antd's green-7 on green-1 does not). */
export function ActiveTag({ active, yes, no }: { active: boolean; yes: string; no: string }) {
  return active ? (
    <Tag color="green" style={{ color: '#135200' }}>
      {yes}
    </Tag>
  ) : (
    <Tag>{no}</Tag>
  );
}
