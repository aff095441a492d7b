/**
 * `npm run bench [-- <section> …]`: runs the benchmark sections (all by
 * default) and rewrites their parts of docs/benchmarks.md.
 *
 * Environment: BENCH_DATABASE_URL=postgres://… adds a PostgreSQL pass (a fresh
 * database is created there and dropped afterwards); BENCH_SECONDS sets the
 * measured seconds per scenario (default 10).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { machineFacts } from './lib/machine.ts';
import { writeSection } from './lib/report.ts';
import type { BenchContext, Section } from './lib/section.ts';
import { stopAll, type DatabaseTarget } from './lib/server.ts';
import { assets } from './scenarios/assets.ts';
import { audit } from './scenarios/audit.ts';
import { maintenance } from './scenarios/maintenance.ts';
import { platform } from './scenarios/platform.ts';
import { web } from './scenarios/web.ts';

/** Every benchmark section, in run order. Modules add theirs here. */
const SECTIONS: Section[] = [platform, maintenance, assets, audit, web];

const DOC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../docs/benchmarks.md');

function selectSections(names: string[]): Section[] {
  const unknown = names.filter((n) => !SECTIONS.some((s) => s.id === n));
  if (unknown.length) {
    console.error(
      `Unknown section(s): ${unknown.join(', ')}. Known: ${SECTIONS.map((s) => s.id).join(', ')}`,
    );
    process.exit(2);
  }
  return names.length ? SECTIONS.filter((s) => names.includes(s.id)) : SECTIONS;
}

function databases(): DatabaseTarget[] {
  const url = process.env.BENCH_DATABASE_URL;
  return [{ name: 'SQLite' }, ...(url ? [{ name: 'PostgreSQL' as const, adminUrl: url }] : [])];
}

async function main(): Promise<void> {
  const sections = selectSections(process.argv.slice(2));
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  if (!(seconds > 0))
    throw new Error(`BENCH_SECONDS must be a positive number, got ${process.env.BENCH_SECONDS}`);
  const started = Date.now();
  const ctx: BenchContext = {
    databases: databases(),
    seconds,
    machine: machineFacts(),
    log: (line) =>
      console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${line}`),
  };
  if (ctx.databases.length === 1)
    ctx.log('SQLite only (set BENCH_DATABASE_URL=postgres://… to add PostgreSQL)');
  for (const section of sections) {
    const markdown = await section.run(ctx);
    writeSection(DOC, section.id, markdown);
    ctx.log(`wrote section "${section.id}" of ${path.relative(process.cwd(), DOC)}`);
  }
}

// Ctrl-C: stop the servers and drop their databases before leaving.
process.once('SIGINT', () => void stopAll().finally(() => process.exit(130)));

main().catch(async (err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  await stopAll();
  process.exit(1);
});
