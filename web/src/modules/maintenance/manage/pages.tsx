import type { PageDef } from '../../../app/page-def.ts';

export const MAINTENANCE_MANAGE_PAGES: PageDef[] = [];
