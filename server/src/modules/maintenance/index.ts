import type { HouqinModule } from '../../platform/module.ts';
import { onOrganizationPrepared } from '../../platform/org-lifecycle.ts';
import { prepareMaintenance } from './defaults.ts';
import { maintenanceRoutes } from './routes.ts';
import { slaClockJob } from './sla-job.ts';

// Every organisation gets the default categories and priorities (once).
onOrganizationPrepared('maintenance', prepareMaintenance);

/**
 * Module `maintenance` (报修与工单): repair requests and work orders, the
 * closed loop 报修 → 派工 → 维修 → 验收评价 with SLA clocks. Other modules
 * create orders through `createWorkOrder` (source inspection / pm / hazard).
 */
export const maintenanceModule: HouqinModule = {
  name: 'maintenance',
  routes: maintenanceRoutes,
  jobs: [slaClockJob],
};

export {
  createWorkOrder,
  createWorkOrderInTx,
  type CreateInput as WorkOrderInput,
} from './create-work-order.ts';
export { MaintP } from './policy.ts';
export {
  provideStockDraw,
  type StockDraw,
  type StockDrawInput,
  type StockDrawn,
} from './stock-hook.ts';
