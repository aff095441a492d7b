import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Popover } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListColumn } from './list-types.ts';

const storageKey = (listId: string) => `houqin.columns.${listId}`;

function readHidden<T>(listId: string, columns: readonly ListColumn<T>[]): Set<string> {
  try {
    const stored = localStorage.getItem(storageKey(listId));
    if (stored) return new Set(JSON.parse(stored) as string[]);
  } catch {
    // storage disabled or damaged: fall back to the defaults
  }
  return new Set(columns.filter((c) => c.hidden).map((c) => c.key));
}

/** Which columns a person hides, remembered per list in this browser. */
export function useHiddenColumns<T>(listId: string, columns: readonly ListColumn<T>[]) {
  const [hidden, setHidden] = useState(() => readHidden(listId, columns));
  const update = (next: Set<string>) => {
    setHidden(next);
    try {
      localStorage.setItem(storageKey(listId), JSON.stringify([...next]));
    } catch {
      // not remembered; still applies now
    }
  };
  return [hidden, update] as const;
}

export function ColumnChooser<T>({
  columns,
  hidden,
  onChange,
}: {
  columns: readonly ListColumn<T>[];
  hidden: Set<string>;
  onChange: (next: Set<string>) => void;
}) {
  const { t } = useTranslation();
  const visible = columns.filter((c) => !hidden.has(c.key)).map((c) => c.key);
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      title={t('list.columns')}
      content={
        <Checkbox.Group
          value={visible}
          onChange={(keys) =>
            onChange(new Set(columns.map((c) => c.key).filter((k) => !keys.includes(k))))
          }
          style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
          options={columns.map((c) => ({ value: c.key, label: c.title }))}
        />
      }
    >
      <Button icon={<SettingOutlined />} aria-label={t('list.columns')} />
    </Popover>
  );
}
