import { BOOKS, BUILDINGS, ELECTRICAL, FURNITURE, GENERAL_EQUIPMENT } from './common.ts';
import type { CatalogueNode } from './types.ts';

/** An office (机关/企业后勤): the common branches only. */
export const OFFICE_CATALOGUE: CatalogueNode[] = [
  BUILDINGS,
  GENERAL_EQUIPMENT,
  ELECTRICAL,
  FURNITURE,
  BOOKS,
];
