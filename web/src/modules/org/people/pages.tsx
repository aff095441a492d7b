import type { PageDef } from '../../../app/page-def.ts';

export const PEOPLE_PAGES: PageDef[] = [];
