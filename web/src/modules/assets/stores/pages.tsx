import type { PageDef } from '../../../app/page-def.ts';

/** Pages of this area (being built). */
export const STORES_PAGES: PageDef[] = [];
