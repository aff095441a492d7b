import type { DbOrTx } from '../../../platform/db/connect.ts';
import type { AstCompensationsTable } from '../tables.ts';
import type { Compensation } from './schema.ts';

type Joined = AstCompensationsTable & {
  operation_number: string;
  tag_no: string;
  asset_name: string;
  department_name: string | null;
};

/** Compensations with the names a list shows (one query; ADR 0005 reference joins). */
export function joinedCompensations(db: DbOrTx, orgId: string) {
  return db
    .selectFrom('ast_compensations as c')
    .innerJoin('ast_operations as o', 'o.id', 'c.operation_id')
    .innerJoin('ast_assets as a', 'a.id', 'c.asset_id')
    .leftJoin('departments as d', 'd.id', 'c.department_id')
    .selectAll('c')
    .select([
      'o.number as operation_number',
      'a.tag_no',
      'a.name as asset_name',
      'd.name as department_name',
    ])
    .where('c.org_id', '=', orgId);
}

export function compensationFromRow(r: Joined): Compensation {
  const amount = Number(r.amount_fen);
  const paid = Number(r.paid_fen);
  const waived = Number(r.waived_fen);
  return {
    id: r.id,
    operationId: r.operation_id,
    operationNumber: r.operation_number,
    siteId: r.site_id,
    asset: { id: r.asset_id, tagNo: r.tag_no, name: r.asset_name },
    department:
      r.department_id && r.department_name !== null
        ? { id: r.department_id, name: r.department_name }
        : null,
    partyType: r.party_type as Compensation['partyType'],
    personId: r.person_id,
    partyName: r.party_name,
    netValueFen: Number(r.net_value_fen),
    shareBp: r.share_bp,
    amountFen: amount,
    paidFen: paid,
    waivedFen: waived,
    outstandingFen: amount - paid - waived,
    status: r.status as Compensation['status'],
    decidedAt: r.decided_at,
    settledAt: r.settled_at,
    note: r.note,
  };
}

export async function compensationsOfOperation(db: DbOrTx, orgId: string, operationId: string) {
  const rows = await joinedCompensations(db, orgId)
    .where('c.operation_id', '=', operationId)
    .orderBy('c.created_at')
    .orderBy('c.id')
    .execute();
  return rows.map(compensationFromRow);
}
