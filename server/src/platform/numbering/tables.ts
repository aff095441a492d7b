export interface NumberingSequencesTable {
  org_id: string;
  doc_type: string;
  year: number;
  last_value: number;
}

export interface NumberingTables {
  numbering_sequences: NumberingSequencesTable;
}
