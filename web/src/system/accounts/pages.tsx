import type { PageDef } from '../../app/page-def.ts';

export const ACCOUNTS_PAGES: PageDef[] = [];
