import type { PageDef } from '../../../app/page-def.ts';

export const MAINTENANCE_WORK_PAGES: PageDef[] = [];
