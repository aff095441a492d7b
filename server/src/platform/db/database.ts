// The one place that knows every table: the Kysely database type is the union
// of each part's tables.ts. Type-only imports, so no module is loaded here;
// lint allows this file (alone) to reach into modules' tables.
import type { AssetsTables } from '../../modules/assets/tables.ts';
import type { MaintenanceTables } from '../../modules/maintenance/tables.ts';
import type { OrgTables } from '../../modules/org/tables.ts';
import type { AccessTables } from '../access/tables.ts';
import type { AuditTables } from '../audit/tables.ts';
import type { AuthTables } from '../auth/tables.ts';
import type { FilesTables } from '../files/tables.ts';
import type { NotifyTables } from '../notify/tables.ts';
import type { NumberingTables } from '../numbering/tables.ts';
import type { SchedulerTables } from '../scheduler/tables.ts';

export interface Database
  extends
    OrgTables,
    AuthTables,
    AccessTables,
    AuditTables,
    NumberingTables,
    NotifyTables,
    SchedulerTables,
    FilesTables,
    MaintenanceTables,
    AssetsTables {}
