import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { Actor } from '../../../platform/context.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import { badRequest } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { KIND_RULES, type OperationKind } from '../operation-kinds.ts';
import { loadAssets, loadLines } from './load.ts';
import type { OperationRow } from './operation-rules.ts';
import { findPerson } from './parties.ts';
import type { CompensationDecision } from './schema.ts';

/**
 * 计价挂帐，按比例赔偿 (summary 2): whoever is found responsible for a
 * damaged or lost asset owes its net value on the day of the report times
 * the share the approver decides. One row per asset and party, reported
 * against the department the asset was with.
 */
export function compensationAmount(netValueFen: number, shareBp: number): number {
  return Math.round((netValueFen * shareBp) / 10_000);
}

export async function decideCompensations(
  tx: DbOrTx,
  actor: Actor,
  op: OperationRow,
  decisions: readonly CompensationDecision[],
  at: string,
): Promise<void> {
  if (decisions.length === 0) return;
  if (!KIND_RULES[op.kind as OperationKind].compensation)
    throw badRequest({
      zh: '只有报损、报失可以确定赔偿',
      en: 'Only damage and loss reports carry a compensation',
    });
  const lines = await loadLines(tx, actor.orgId, op.id);
  const assets = new Map(
    (
      await loadAssets(
        tx,
        actor.orgId,
        lines.map((l) => l.assetId),
      )
    ).map((a) => [a.id, a]),
  );
  const shares = new Map<string, number>();
  const rows = [];
  for (const d of decisions) {
    const targets = d.assetId ? lines.filter((l) => l.assetId === d.assetId) : lines;
    if (targets.length === 0)
      throw badRequest({
        zh: '赔偿所指的资产不在本单中',
        en: 'The asset is not on this operation',
      });
    const person = d.partyType === 'person' ? await findPerson(tx, actor.orgId, d.personId!) : null;
    for (const line of targets) {
      const total = (shares.get(line.assetId) ?? 0) + d.shareBp;
      if (total > 10_000)
        throw badRequest({
          zh: `资产「${assets.get(line.assetId)?.tag_no ?? ''}」的赔偿比例合计超过 100%`,
          en: `The shares for asset ${assets.get(line.assetId)?.tag_no ?? ''} add up to more than 100%`,
        });
      shares.set(line.assetId, total);
      const amount = compensationAmount(line.valueFen, d.shareBp);
      rows.push({
        id: newId(),
        org_id: actor.orgId,
        site_id: op.site_id,
        operation_id: op.id,
        asset_id: line.assetId,
        department_id: line.before.departmentId,
        party_type: d.partyType,
        person_id: person?.id ?? null,
        party_name: person?.name ?? d.partyName!,
        net_value_fen: line.valueFen,
        share_bp: d.shareBp,
        amount_fen: amount,
        paid_fen: 0,
        waived_fen: 0,
        status: amount === 0 ? 'settled' : 'owed',
        decided_by: actor.userId,
        decided_at: at,
        settled_at: amount === 0 ? at : null,
        note: d.note ?? null,
        created_at: at,
        updated_at: at,
      });
    }
  }
  for (let i = 0; i < rows.length; i += 100)
    await tx
      .insertInto('ast_compensations')
      .values(rows.slice(i, i + 100))
      .execute();
  for (const r of rows)
    await recordAudit(tx, actor, {
      action: 'decide',
      entityType: 'asset_compensation',
      entityId: r.id,
      siteId: r.site_id,
      after: r,
    });
}
