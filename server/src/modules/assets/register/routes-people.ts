import { z } from 'zod';
import type { Deps } from '../../../platform/deps.ts';
import { actorOf } from '../../../platform/http/actor.ts';
import type { App } from '../../../platform/http/types.ts';
import { AssetPeopleQuery, AssetPersonSchema, searchAssetPeople } from './people.ts';

/** The person picker of asset operations (custodian, borrower, who pays). */
export function registerPeopleRoutes(app: App, { db, dialect }: Deps): void {
  app.get(
    '/api/assets/people',
    {
      // assets:manage or assets:approve at some site: two permissions, so the service checks.
      config: { auth: 'user' },
      schema: {
        tags: ['assets'],
        summary:
          '资产业务选人 People of departments at the user’s sites (assets:manage or assets:approve), by name, staff no. or phone',
        querystring: AssetPeopleQuery,
        response: { 200: z.array(AssetPersonSchema) },
      },
    },
    async (req) => searchAssetPeople(db, dialect, actorOf(req), req.query),
  );
}
