import { defineTexts } from '../../../app/texts.ts';

/** Texts of the spare parts taken from a store in the complete dialog. */
export const stockTexts = defineTexts(
  {
    title: '从仓库领用',
    hint: '本院区仓库里的备件，按移动平均价计入工单材料费。',
    part: '备件',
    partRequired: '请选择备件',
    search: '输入编码或名称搜索',
    quantity: '数量',
    quantityRequired: '请填写数量',
    available: (q: number, unit: string, price: string, store: string) =>
      `${store} · 在库 ${q}${unit} · 均价 ${price}`,
    add: '添加领用',
    remove: (n: number) => `删除第 ${n} 行领用`,
    none: '本院区仓库没有可领用的备件。',
  },
  {
    title: 'Spare parts from the store',
    hint: "Parts in this site's stores, costed to the order at the moving average.",
    part: 'Spare part',
    partRequired: 'Choose the part',
    search: 'Type a code or name',
    quantity: 'Quantity',
    quantityRequired: 'Enter the quantity',
    available: (q: number, unit: string, price: string, store: string) =>
      `${store} · ${q} ${unit} on hand · average ${price}`,
    add: 'Add a spare part',
    remove: (n: number) => `Remove spare part line ${n}`,
    none: "No spare parts on hand in this site's stores.",
  },
);
