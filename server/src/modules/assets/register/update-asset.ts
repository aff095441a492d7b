import type { Updateable } from 'kysely';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { Actor } from '../../../platform/context.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { readJson, writeJson } from '../../../platform/db/dialect.ts';
import { badRequest, conflict, isUniqueViolation, notFound } from '../../../platform/errors.ts';
import { markAttachmentDeleted } from '../../../platform/files/repository.ts';
import { accumulatedDepreciation } from '../depreciation.ts';
import { recordAssetEvents, updateAssetVersioned } from '../operations/index.ts';
import { AssetsP } from '../policy.ts';
import type { AstAssetsTable } from '../tables.ts';
import { findCategoryRow } from './categories.ts';
import { checkCustomFields } from './custom-fields.ts';
import { depreciableOf, findAssetRow } from './repository.ts';
import { tagsTaken, takenKeys } from './register-cards.ts';
import type { AssetUpdate, FieldDef } from './schema.ts';

export const ASSET = { zh: '资产', en: 'Asset' };

/** Today in the organisation's calendar is close enough to UTC's for "has depreciation started". */
const today = () => new Date().toISOString().slice(0, 10);

/**
 * Corrects a card's description (name, model, supplier, invoice, warranty,
 * extra fields …). Status, place, department, custodian and quantity change
 * only through operations (the schema refuses them with a sentence). The
 * price and depreciation terms may change only until the first month of
 * depreciation has been booked: after that the books would no longer agree
 * with what was charged. Versioned: a concurrent change is a 409.
 */
export async function updateAsset(db: Db, actor: Actor, id: string, patch: AssetUpdate) {
  await db.transaction().execute(async (tx) => {
    const before = await findAssetRow(tx, actor.orgId, id);
    if (!before || !actor.access.hasAt(AssetsP.manage, before.site_id)) throw notFound(ASSET);
    if (before.status === 'disposed' || before.status === 'void')
      throw conflict(
        before.status === 'void'
          ? { zh: '作废的卡片不能修改', en: 'A void card can no longer be changed' }
          : { zh: '已处置的资产不能修改', en: 'A disposed asset can no longer be changed' },
      );
    if (patch.version !== before.version)
      throw conflict({
        zh: '资产刚被其他人更新，请刷新后再修改',
        en: 'Someone else just changed this asset; reload it and try again',
      });
    const touchesBooks =
      patch.unitPriceFen !== undefined ||
      patch.depreciationMethod !== undefined ||
      patch.lifeMonths !== undefined ||
      patch.residualBp !== undefined ||
      patch.inServiceDate !== undefined ||
      patch.purchaseDate !== undefined;
    if (touchesBooks && accumulatedDepreciation(depreciableOf(before), today()) > 0)
      throw conflict({
        zh: '该资产已开始计提折旧，单价、启用日期和折旧参数不能再修改',
        en: 'Depreciation has started; the price, dates and depreciation terms can no longer change',
      });
    const categoryId = patch.categoryId ?? before.category_id;
    const category = await findCategoryRow(tx, actor.orgId, categoryId);
    if (!category || (patch.categoryId && category.active !== 1))
      throw badRequest({
        zh: '资产分类不存在或已停用',
        en: 'The category does not exist or is inactive',
      });
    if (before.quantity > 1 && category.tracking !== 'bulk')
      throw badRequest({
        zh: `分类「${category.name}」按件管理，不能放入数量为 ${before.quantity} 的卡片`,
        en: `Category "${category.name}" is tracked one item per card; this card holds ${before.quantity}`,
      });
    const custom =
      patch.custom ??
      (patch.categoryId ? readJson<Record<string, string | number>>(before.custom) : undefined);
    let customValues: Record<string, string | number> | undefined;
    if (custom !== undefined) {
      const checked = checkCustomFields(readJson<FieldDef[]>(category.fields) ?? [], custom);
      if (checked.problems.length > 0)
        throw badRequest(
          {
            zh: checked.problems.map((p) => p.zh).join('；'),
            en: checked.problems.map((p) => p.en).join('; '),
          },
          { problems: checked.problems },
        );
      customValues = checked.values;
    }
    if (patch.tagNo && patch.tagNo !== before.tag_no) {
      const taken = await takenKeys(tx, actor.orgId, 'tag_no', [patch.tagNo]);
      if (taken.length > 0) throw tagsTaken(taken);
    }
    const unitPrice = patch.unitPriceFen ?? Number(before.unit_price_fen);
    const set: Updateable<AstAssetsTable> = {
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.model !== undefined && { model: patch.model }),
      ...(patch.unit !== undefined && { unit: patch.unit }),
      ...(patch.tagNo !== undefined && { tag_no: patch.tagNo }),
      ...(patch.categoryId !== undefined && { category_id: patch.categoryId }),
      ...(patch.unitPriceFen !== undefined && {
        unit_price_fen: unitPrice,
        original_value_fen: unitPrice * before.quantity,
      }),
      ...(patch.purchaseDate !== undefined && { purchase_date: patch.purchaseDate }),
      ...(patch.inServiceDate !== undefined && { in_service_date: patch.inServiceDate }),
      ...(patch.source !== undefined && { source: patch.source }),
      ...(patch.supplier !== undefined && { supplier: patch.supplier }),
      ...(patch.invoiceNo !== undefined && { invoice_no: patch.invoiceNo }),
      ...(patch.warrantyEnd !== undefined && { warranty_end: patch.warrantyEnd }),
      ...(patch.depreciationMethod !== undefined && {
        depreciation_method: patch.depreciationMethod,
      }),
      ...(patch.lifeMonths !== undefined && { life_months: patch.lifeMonths }),
      ...(patch.residualBp !== undefined && { residual_bp: patch.residualBp }),
      ...(customValues !== undefined && { custom: writeJson(customValues) }),
      ...(patch.notes !== undefined && { notes: patch.notes }),
    };
    const at = new Date().toISOString();
    try {
      await updateAssetVersioned(tx, actor.orgId, before, set, at);
    } catch (err) {
      if (isUniqueViolation(err)) throw tagsTaken([patch.tagNo ?? before.tag_no]);
      throw err;
    }
    await recordAssetEvents(tx, actor, [
      {
        assetId: id,
        operationId: null,
        action: 'edit',
        from: before.status,
        to: before.status,
        data: { fields: Object.keys(set) },
        at,
      },
    ]);
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'asset',
      entityId: id,
      siteId: before.site_id,
      before,
      after: { ...before, ...set, version: before.version + 1 },
    });
  });
}

/**
 * Deletes a card registered by mistake (a typo in a batch, a double entry).
 * A hard delete, because the card never stood for property: only while its
 * registration is its only operation. The registration keeps its number —
 * numbers have no gaps — and is cancelled once it has no card left; the
 * audit row keeps the whole card. Anything that really left must be
 * disposed of instead (报废/处置), which keeps its history.
 */
export async function deleteAsset(db: Db, actor: Actor, id: string) {
  await db.transaction().execute(async (tx) => {
    const row = await findAssetRow(tx, actor.orgId, id);
    if (!row || !actor.access.hasAt(AssetsP.manage, row.site_id)) throw notFound(ASSET);
    const ops = await tx
      .selectFrom('ast_operation_lines as ol')
      .innerJoin('ast_operations as o', 'o.id', 'ol.operation_id')
      .select(['o.id', 'o.kind', 'o.status', 'o.number'])
      .where('ol.org_id', '=', actor.orgId)
      .where('ol.asset_id', '=', id)
      .execute();
    const other = ops.find((o) => o.kind !== 'register');
    if (other)
      throw conflict({
        zh: `资产已办理过业务（${other.number}），不能删除；不再使用请办理报废处置`,
        en: `The asset already took part in operation ${other.number}; dispose of it instead of deleting`,
      });
    const inStocktake = await tx
      .selectFrom('ast_stocktake_lines')
      .select('stocktake_id')
      .where('org_id', '=', actor.orgId)
      .where('asset_id', '=', id)
      .executeTakeFirst();
    if (inStocktake)
      throw conflict({
        zh: '资产已列入盘点，不能删除；不再使用请办理报废处置',
        en: 'The asset is part of a stock-take; dispose of it instead of deleting',
      });
    const at = new Date().toISOString();
    await tx
      .deleteFrom('ast_events')
      .where('org_id', '=', actor.orgId)
      .where('asset_id', '=', id)
      .execute();
    await tx
      .deleteFrom('ast_operation_lines')
      .where('org_id', '=', actor.orgId)
      .where('asset_id', '=', id)
      .execute();
    await tx
      .deleteFrom('ast_assets')
      .where('org_id', '=', actor.orgId)
      .where('id', '=', id)
      .execute();
    for (const op of ops) {
      const left = await tx
        .selectFrom('ast_operation_lines')
        .select((eb) => [
          eb.fn.countAll<number>().as('n'),
          eb.fn.coalesce(eb.fn.sum<number>('value_fen'), eb.lit(0)).as('value'),
        ])
        .where('operation_id', '=', op.id)
        .executeTakeFirstOrThrow();
      await tx
        .updateTable('ast_operations')
        .set({
          total_value_fen: Number(left.value),
          ...(Number(left.n) === 0 && { status: 'cancelled', reason: '登记有误，资产卡片已删除' }),
          updated_at: at,
        })
        .where('org_id', '=', actor.orgId)
        .where('id', '=', op.id)
        .execute();
    }
    const files = await tx
      .selectFrom('attachments')
      .select('id')
      .where('org_id', '=', actor.orgId)
      .where('entity_type', '=', 'asset')
      .where('entity_id', '=', id)
      .where('deleted_at', 'is', null)
      .execute();
    for (const f of files) await markAttachmentDeleted(tx, actor.orgId, f.id, at);
    await recordAudit(tx, actor, {
      action: 'delete',
      entityType: 'asset',
      entityId: id,
      siteId: row.site_id,
      before: row,
    });
  });
}
