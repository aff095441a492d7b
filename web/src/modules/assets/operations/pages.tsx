import type { PageDef } from '../../../app/page-def.ts';

/** Pages of this area (being built). */
export const ASSETS_OPERATIONS_PAGES: PageDef[] = [];
