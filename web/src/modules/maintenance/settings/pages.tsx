import type { PageDef } from '../../../app/page-def.ts';

/** The maintenance manager's settings pages (categories, SLA, teams, roster, rules). */
export const MAINTENANCE_SETTINGS_PAGES: PageDef[] = [];
