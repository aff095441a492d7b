export { recordCompensationEntry } from './record-entry.ts';
export { compensationRoutes } from './routes.ts';
