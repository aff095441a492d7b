import { Radio } from 'antd';
import type { Category } from './model.ts';

/**
 * Categories as big tiles, two or three to a row on a phone: one tap, no
 * dropdown. A radio group underneath, so arrows and Tab work as usual.
 */
export function CategoryTiles({
  id,
  categories,
  value,
  onChange,
  label,
}: {
  id?: string;
  categories: Category[];
  value?: string;
  onChange?: (id: string) => void;
  label: string;
}) {
  return (
    <Radio.Group
      id={id}
      aria-label={label}
      value={value}
      onChange={(e) => onChange?.(e.target.value as string)}
      optionType="button"
      buttonStyle="solid"
      style={{
        display: 'grid',
        gridTemplateColumns: 'repeat(auto-fill, minmax(96px, 1fr))',
        gap: 8,
        width: '100%',
      }}
    >
      {categories.map((c) => (
        <Radio.Button
          key={c.id}
          value={c.id}
          style={{
            height: 56,
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'center',
            textAlign: 'center',
            fontSize: 16,
            borderRadius: 8,
            borderInlineStartWidth: 1,
            lineHeight: 1.2,
          }}
        >
          {c.name}
        </Radio.Button>
      ))}
    </Radio.Group>
  );
}
