import { z } from 'zod';
import type { Actor } from '../../../platform/context.ts';
import type { DbOrTx, DialectName } from '../../../platform/db/connect.ts';
import { containsText, readJson } from '../../../platform/db/dialect.ts';
import type { Deps } from '../../../platform/deps.ts';
import { actorOf } from '../../../platform/http/actor.ts';
import { IdParams } from '../../../platform/http/schemas.ts';
import type { App } from '../../../platform/http/types.ts';
import { loadStocktake } from './access.ts';
import type { StocktakeScope } from './schema.ts';

/*
 * The places a counter may stand in during a campaign: the scope's place and
 * everything under it (the whole site when the scope names no place), and the
 * places its lines expect assets in. Read through the campaign, so whoever
 * sees the campaign (assets:count at its site is enough) gets them without
 * locations:read — a counter's role need not hold it.
 */

export const StocktakeRoomsQuery = z.strictObject({
  /** Name or code contains this. */
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type StocktakeRoomsFilter = z.infer<typeof StocktakeRoomsQuery>;

export const StocktakeRoomSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  type: z.string(),
});
export const StocktakeRoomsSchema = z.object({
  items: z.array(StocktakeRoomSchema),
  /** All places that match, beyond `limit` too (the page then asks the counter to type). */
  total: z.number(),
});

/** The campaign's places, in tree order (sort order, then code); 404 for a campaign the user does not see. */
export async function listStocktakeRooms(
  db: DbOrTx,
  dialect: DialectName,
  actor: Actor,
  id: string,
  f: StocktakeRoomsFilter,
) {
  const row = await loadStocktake(db, actor, id);
  const scope = readJson<StocktakeScope>(row.scope);
  const root = scope.locationId ?? scope.buildingId;
  const linePlaces = db
    .selectFrom('ast_stocktake_lines as sl')
    .select('sl.expected_location_id')
    .where('sl.stocktake_id', '=', row.id)
    .where('sl.expected_location_id', 'is not', null);
  const subtree = root
    ? db
        .withRecursive('subtree(id)', (cte) =>
          cte
            .selectFrom('locations as l')
            .select('l.id')
            .where('l.org_id', '=', actor.orgId)
            .where('l.parent_id', '=', root)
            .unionAll((u) =>
              u
                .selectFrom('locations as c')
                .innerJoin('subtree', 'subtree.id', 'c.parent_id')
                .select('c.id'),
            ),
        )
        .selectFrom('subtree')
        .select('subtree.id')
    : null;
  let q = db
    .selectFrom('locations')
    .where('org_id', '=', actor.orgId)
    .where('site_id', '=', row.site_id)
    .where((eb) => {
      // A place that was deactivated after the snapshot still holds the lines expected there.
      const active = eb('active', '=', 1);
      const inScope = subtree
        ? eb.and([
            active,
            eb.or([
              eb('id', 'in', subtree),
              // A campaign of one place (not of a building): the place itself is where one stands.
              ...(scope.locationId ? [eb('id', '=', scope.locationId)] : []),
            ]),
          ])
        : active;
      return eb.or([inScope, eb('id', 'in', linePlaces)]);
    });
  if (f.q) {
    const text = f.q;
    q = q.where((eb) =>
      eb.or([containsText(dialect, 'name', text), containsText(dialect, 'code', text)]),
    );
  }
  const [rows, total] = await Promise.all([
    q
      .select(['id', 'code', 'name', 'type'])
      .orderBy('sort_order')
      .orderBy('code')
      .orderBy('id')
      .limit(f.limit)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows, total: Number(total.n) };
}

/** `GET /api/assets/stocktakes/:id/rooms`, registered by `stocktakeRoutes`. */
export function stocktakeRoomsRoute(app: App, { db, dialect }: Deps): void {
  app.get(
    '/api/assets/stocktakes/:id/rooms',
    {
      // Readers, managers and counters alike: the service checks the campaign's site.
      config: { auth: 'user' },
      schema: {
        tags: ['assets-stocktake'],
        summary:
          '盘点位置 Places of the campaign to count in: its scope’s place and everything under it, and the places its lines expect',
        params: IdParams,
        querystring: StocktakeRoomsQuery,
        response: { 200: StocktakeRoomsSchema },
      },
    },
    async (req) => listStocktakeRooms(db, dialect, actorOf(req), req.params.id, req.query),
  );
}
