/**
 * What a benchmark section is. A module adds its benchmarks as one Section
 * (bench/scenarios/<module>.ts) and lists it in bench/run.ts; its results go
 * into docs/benchmarks.md between its own markers.
 */
import type { Machine } from './machine.ts';
import type { DatabaseTarget } from './server.ts';

export type BenchContext = {
  /** SQLite always; PostgreSQL too when BENCH_DATABASE_URL is set. */
  databases: DatabaseTarget[];
  /** Measured seconds per scenario (BENCH_SECONDS, default 10). */
  seconds: number;
  machine: Machine;
  /** Progress for the terminal. */
  log(line: string): void;
};

export type Section = {
  /** Marker name in docs/benchmarks.md and the CLI filter: `npm run bench -- <id>`. */
  id: string;
  /** Runs the section's scenarios; returns its Markdown (without the markers). */
  run(ctx: BenchContext): Promise<string>;
};
