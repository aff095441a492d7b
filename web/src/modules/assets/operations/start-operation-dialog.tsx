/**
 * Starts an asset operation (领用, 调拨, 借用, 归还, 送修, 报损, 报失, 报废…)
 * for the assets a person ticked in the register or opened on an asset's
 * page. Owned by the operations page area; the register imports it.
 * (Placeholder with the final props: the operations helper builds the form.)
 */
export type OperationKindChoice =
  | 'assign'
  | 'transfer'
  | 'release'
  | 'lend'
  | 'return'
  | 'repair'
  | 'repaired'
  | 'damage'
  | 'loss'
  | 'recover'
  | 'dispose';

export type AssetPick = { id: string; tagNo: string; name: string; status: string; siteId: string };

export type StartOperationDialogProps = {
  /** The kind to start; null = closed. */
  kind: OperationKindChoice | null;
  assets: AssetPick[];
  onClose: () => void;
  /** Called with the new operation's id once the server accepted it. */
  onDone: (operationId: string) => void;
};

export function StartOperationDialog(_props: StartOperationDialogProps) {
  return null;
}
