/**
 * The baseline: a bare Fastify with one route and no plugins, logger or
 * database, run as its own process like the real server. Whatever Houqin
 * costs on top of this is the platform's overhead.
 *
 * Run by bench/lib/server.ts as `node --import tsx bench/lib/bare-server.ts` with PORT set.
 */
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/bare', async () => ({ ok: true }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
