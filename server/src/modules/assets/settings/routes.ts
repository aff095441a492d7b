import type { Deps } from '../../../platform/deps.ts';
import { actorOf } from '../../../platform/http/actor.ts';
import type { App } from '../../../platform/http/types.ts';
import { AssetsP } from '../policy.ts';
import { AssetSettingsSchema, AssetSettingsUpdateSchema } from './schema.ts';
import { getAssetSettings, updateAssetSettings } from './settings.ts';

const tags = ['assets-settings'];

/** GET/PATCH /api/assets/settings: approval kinds and threshold, loan days. */
export function settingsRoutes(app: App, { db }: Deps): void {
  app.get(
    '/api/assets/settings',
    {
      // Everyone who works with assets at some site needs to know what waits for approval.
      config: { auth: AssetsP.read, scope: 'site' },
      schema: {
        tags,
        summary: '资产设置 Asset settings (approval kinds, threshold, loan days)',
        response: { 200: AssetSettingsSchema },
      },
    },
    async (req) => getAssetSettings(db, actorOf(req).orgId),
  );
  app.patch(
    '/api/assets/settings',
    {
      // The organisation's rules: assets:manage for the whole organisation.
      config: { auth: AssetsP.manage },
      schema: {
        tags,
        summary: '修改资产设置 Change the asset settings',
        body: AssetSettingsUpdateSchema,
        response: { 200: AssetSettingsSchema },
      },
    },
    async (req) => updateAssetSettings(db, actorOf(req), req.body),
  );
}
