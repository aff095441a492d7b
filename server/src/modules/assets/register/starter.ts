import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { Actor } from '../../../platform/context.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { writeJson } from '../../../platform/db/dialect.ts';
import { newId } from '../../../platform/ids.ts';
import { CATALOGUES, type CatalogueKey, type CatalogueNode } from '../catalogues/index.ts';
import type { Selectable } from 'kysely';
import type { AstCategoriesTable } from '../tables.ts';

/**
 * Adds a starter category tree (hospital, school, office). Idempotent: a
 * code the organisation already has is left as it is (its name and lives may
 * have been edited), and the catalogue's children of that code go under the
 * existing category. One transaction, one audit row.
 */
export async function addStarterCatalogue(db: Db, actor: Actor, key: CatalogueKey) {
  return db.transaction().execute(async (tx) => {
    const existing = new Map(
      (
        await tx
          .selectFrom('ast_categories')
          .select(['id', 'code'])
          .where('org_id', '=', actor.orgId)
          .execute()
      ).map((c) => [c.code, c.id]),
    );
    const at = new Date().toISOString();
    const rows: (Selectable<AstCategoriesTable> & { fields: string })[] = [];
    let skipped = 0;
    const walk = (nodes: readonly CatalogueNode[], parentId: string | null) => {
      nodes.forEach((n, i) => {
        let id = existing.get(n.code);
        if (id) skipped += 1;
        else {
          id = newId();
          existing.set(n.code, id);
          const method = n.method ?? 'straight_line';
          rows.push({
            id,
            org_id: actor.orgId,
            parent_id: parentId,
            code: n.code,
            name: n.name,
            tracking: n.tracking ?? 'unit',
            unit: n.unit ?? null,
            depreciation_method: method,
            life_months: method === 'none' ? null : (n.lifeMonths ?? null),
            residual_bp: 0,
            fields: writeJson([]),
            sort_order: (i + 1) * 10,
            active: 1,
            created_at: at,
            updated_at: at,
          });
        }
        if (n.children) walk(n.children, id);
      });
    };
    walk(CATALOGUES[key], null);
    // Parents come before their children in `rows`, as the foreign key needs.
    for (let i = 0; i < rows.length; i += 100)
      await tx
        .insertInto('ast_categories')
        .values(rows.slice(i, i + 100))
        .execute();
    const result = { created: rows.length, skipped };
    await recordAudit(tx, actor, {
      action: 'starter_catalogue',
      entityType: 'asset_category',
      entityId: newId(),
      after: { catalogue: key, ...result },
    });
    return result;
  });
}
