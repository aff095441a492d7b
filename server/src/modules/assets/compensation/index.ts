export { compensationRoutes } from './routes.ts';
