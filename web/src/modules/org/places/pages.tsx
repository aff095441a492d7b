import type { PageDef } from '../../../app/page-def.ts';

export const PLACES_PAGES: PageDef[] = [];
