/**
 * A starter catalogue: a category tree an organisation may add in one click
 * and then edit. Lives are months, after the common lives of the 政府会计准则
 * 固定资产折旧年限表 (财政部《政府会计准则第3号——固定资产》应用指南, 财会〔2017〕4 号): 房屋 50 years (brick
 * 30), computers and office equipment 6, vehicles 8, general machinery 10,
 * electrical equipment 5, medical equipment 5–10, furniture 15, tools and
 * fittings 5; books and archives, like land and heritage, are not
 * depreciated. Public-sector books keep no residual value.
 */
export type CatalogueNode = {
  code: string;
  name: string;
  /** Default 'unit' (one card per item). */
  tracking?: 'unit' | 'bulk';
  unit?: string;
  /** Months; absent with method 'none'. */
  lifeMonths?: number;
  method?: 'straight_line' | 'none';
  children?: CatalogueNode[];
};

export const years = (n: number) => n * 12;
