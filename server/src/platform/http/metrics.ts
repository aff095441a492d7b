import type { FastifyInstance } from 'fastify';
import client from 'prom-client';
import { unauthorized } from '../errors.ts';

/** Prometheus metrics: process defaults plus request durations by route and status. */
export function registerMetrics(app: FastifyInstance, token: string | undefined): void {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const duration = new client.Histogram({
    name: 'houqin_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  app.addHook('onResponse', async (req, reply) => {
    duration.observe(
      {
        method: req.method,
        route: req.routeOptions.url ?? 'unknown',
        status: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
  });
  app.get(
    '/metrics',
    { config: { auth: 'public' }, schema: { hide: true } },
    async (req, reply) => {
      // Public by default for a scraper on the private network; METRICS_TOKEN closes it.
      if (token && req.headers.authorization !== `Bearer ${token}`) {
        throw unauthorized({ zh: '需要指标令牌（METRICS_TOKEN）', en: 'Metrics token required' });
      }
      reply.header('content-type', registry.contentType);
      return registry.metrics();
    },
  );
}
