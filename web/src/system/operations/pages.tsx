import type { PageDef } from '../../app/page-def.ts';

export const OPERATIONS_PAGES: PageDef[] = [];
