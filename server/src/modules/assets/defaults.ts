import type { DbOrTx } from '../../platform/db/connect.ts';
import { writeJson } from '../../platform/db/dialect.ts';
import { DEFAULT_APPROVAL_KINDS } from './operation-kinds.ts';

export const DEFAULT_LOAN_DAYS = 30;

/**
 * Gives an organisation its asset settings once (approval for transfers,
 * damage, loss, disposal and stock-take adjustments; 30-day loans). The
 * category tree is the organisation's own: a starter catalogue is offered in
 * the settings, not imposed.
 */
export async function prepareAssets(tx: DbOrTx, orgId: string): Promise<void> {
  const done = await tx
    .selectFrom('ast_settings')
    .select('org_id')
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  if (done) return;
  await tx
    .insertInto('ast_settings')
    .values({
      org_id: orgId,
      approval_kinds: writeJson(DEFAULT_APPROVAL_KINDS),
      approval_threshold_fen: 0,
      loan_days: DEFAULT_LOAN_DAYS,
      tag_format: null,
      updated_at: new Date().toISOString(),
    })
    .execute();
}
