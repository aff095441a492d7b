// The register as the other areas of the assets module see it (operations,
// stock-take, idle pool, reports): areas meet at an index.ts.
export { ASSET, updateAsset } from './update-asset.ts';
export { CATEGORY, categoryFromRow, findCategoryRow } from './categories.ts';
export {
  ASSET_NUMBERING,
  cardRow,
  nextAssetCodes,
  registerCards,
  type CardRow,
  type Registered,
} from './register-cards.ts';
export {
  applyAssetFilters,
  assetFromRow,
  categorySubtree,
  depreciableOf,
  joinedAssets,
  locationSubtree,
  type JoinedAsset,
} from './repository.ts';
export { getAssetDetail, listAssets, orgToday } from './read-assets.ts';
export { registerFoundItems, type FoundItem } from './register-found.ts';
export { addStarterCatalogue } from './starter.ts';
export { assetVisibility, seesNothing, visibleAssets, type AssetVisibility } from './visibility.ts';
export { custodyKey } from './attachments.ts';
export {
  AssetDetailSchema,
  AssetSchema,
  CategorySchema,
  type Asset,
  type AssetDetail,
  type Category,
  type FieldDef,
} from './schema.ts';
export { depreciationReport, registerReport } from './reports.ts';
