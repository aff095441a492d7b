import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { Actor } from '../../../platform/context.ts';
import type { Db, DbOrTx } from '../../../platform/db/connect.ts';
import { readJson, writeJson } from '../../../platform/db/dialect.ts';
import { prepareAssets } from '../defaults.ts';
import type { OperationKind } from '../operation-kinds.ts';
import type { AssetSettingsDto, AssetSettingsUpdate } from './schema.ts';

async function readSettings(db: DbOrTx, orgId: string): Promise<AssetSettingsDto> {
  const row = await db
    .selectFrom('ast_settings')
    .selectAll()
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow();
  return {
    approvalKinds: readJson<OperationKind[]>(row.approval_kinds),
    approvalThresholdFen: Number(row.approval_threshold_fen),
    loanDays: row.loan_days,
    updatedAt: row.updated_at,
  };
}

/** The organisation's asset settings (given to each organisation by prepareAssets at creation and start). */
export async function getAssetSettings(db: Db, orgId: string): Promise<AssetSettingsDto> {
  return readSettings(db, orgId);
}

/** Which kinds wait for an approver, above which value, and how long a loan runs. */
export async function updateAssetSettings(
  db: Db,
  actor: Actor,
  patch: AssetSettingsUpdate,
): Promise<AssetSettingsDto> {
  await prepareAssets(db, actor.orgId);
  return db.transaction().execute(async (tx) => {
    const before = await readSettings(tx, actor.orgId);
    await tx
      .updateTable('ast_settings')
      .set({
        ...(patch.approvalKinds && {
          approval_kinds: writeJson([...new Set(patch.approvalKinds)]),
        }),
        ...(patch.approvalThresholdFen !== undefined && {
          approval_threshold_fen: patch.approvalThresholdFen,
        }),
        ...(patch.loanDays !== undefined && { loan_days: patch.loanDays }),
        updated_at: new Date().toISOString(),
      })
      .where('org_id', '=', actor.orgId)
      .execute();
    const after = await readSettings(tx, actor.orgId);
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'asset_settings',
      entityId: actor.orgId,
      before,
      after,
    });
    return after;
  });
}
