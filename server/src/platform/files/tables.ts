export interface AttachmentsTable {
  id: string;
  org_id: string;
  site_id: string | null;
  entity_type: string;
  entity_id: string;
  filename: string;
  mime: string;
  size_bytes: number;
  sha256: string;
  /** Path below DATA_DIR/files: `<org>/<yyyy>/<mm>/<id>`. */
  storage_key: string;
  created_by: string | null;
  created_at: string;
  deleted_at: string | null;
}

export interface FilesTables {
  attachments: AttachmentsTable;
}
