import { HOSPITAL_CATALOGUE } from './hospital.ts';
import { OFFICE_CATALOGUE } from './office.ts';
import { SCHOOL_CATALOGUE } from './school.ts';
import type { CatalogueNode } from './types.ts';

export type { CatalogueNode } from './types.ts';

export const CATALOGUE_KEYS = ['hospital', 'school', 'office'] as const;
export type CatalogueKey = (typeof CATALOGUE_KEYS)[number];

/** The starter category trees offered in the settings. */
export const CATALOGUES: Record<CatalogueKey, CatalogueNode[]> = {
  hospital: HOSPITAL_CATALOGUE,
  school: SCHOOL_CATALOGUE,
  office: OFFICE_CATALOGUE,
};
