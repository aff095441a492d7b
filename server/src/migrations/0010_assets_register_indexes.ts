import type { Kysely } from 'kysely';

/**
 * The register's filtered list at a million cards (docs/benchmarks.md,
 * issue 5): "in-use medical equipment of one department", as an
 * administrator and as a campus's asset manager.
 *
 * With (org, department, status) alone the capped count and the page read
 * every in-use card of the department from the table to check its category
 * and site (28–83 ms at 100–200k cards, growing with the register). This index
 * holds all four filter columns in the order the list narrows them (a
 * department, then a status, then a category subtree, then the viewer's
 * sites), so the planner seeks straight to the matching entries and the
 * capped count (`select 1`, repository.ts) reads the index alone. It covers
 * the old department index, which it replaces (one index fewer to write on
 * an import of 100,000 cards).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('ast_assets_filter_ix')
    .on('ast_assets')
    .columns(['org_id', 'department_id', 'status', 'category_id', 'site_id', 'code', 'id'])
    .execute();
  await db.schema.dropIndex('ast_assets_department_ix').execute();
}

export async function down(): Promise<void> {
  throw new Error('Houqin migrations are forward-only; restore a backup to go back.');
}
