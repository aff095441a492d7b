/**
 * Turning measurements into a console table and a Markdown section of
 * docs/benchmarks.md. Each benchmark section owns the text between its
 * markers, so re-running one section keeps every other section as it was.
 */
import fs from 'node:fs';
import type { Measurement } from './autocannon.ts';
import type { Machine } from './machine.ts';

export type Row = { database: string; scenario: string; m: Measurement };

const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
export const fmtRps = (n: number) => (n >= 100 ? int.format(n) : n.toFixed(1));
export const fmtMs = (n: number) => (n >= 100 ? int.format(n) : n.toFixed(n >= 10 ? 1 : 2));

const HEAD = ['database', 'scenario', 'req/s', 'p50 ms', 'p99 ms', 'requests', 'non-2xx', 'errors'];
const cells = (r: Row) => [
  r.database,
  r.scenario,
  fmtRps(r.m.rps),
  fmtMs(r.m.p50),
  fmtMs(r.m.p99),
  int.format(r.m.requests),
  String(r.m.non2xx),
  String(r.m.errors),
];

/** A fixed-width table for the terminal; numbers right-aligned. */
export function consoleTable(rows: Row[]): string {
  const all = [HEAD, ...rows.map(cells)];
  const widths = HEAD.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
  return all
    .map((r) => r.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '))
    .join('\n');
}

export function markdownTable(rows: Row[]): string {
  const line = (cs: string[]) => `| ${cs.join(' | ')} |`;
  return [
    line(HEAD),
    line(HEAD.map((_, i) => (i < 2 ? '---' : '--:'))),
    ...rows.map((r) => line(cells(r))),
  ].join('\n');
}

/**
 * The modules' sections' table: p50, p95 and p99, with one column of the
 * section's own after the scenario (clients, matches).
 */
export function p95Table<R extends Row>(
  rows: R[],
  own: { head: string; cell: (r: R) => string },
): string {
  const head = ['database', 'scenario', own.head, 'req/s', 'p50 ms', 'p95 ms', 'p99 ms'];
  const all = [...head, 'requests', 'non-2xx', 'errors'];
  const line = (cs: string[]) => `| ${cs.join(' | ')} |`;
  return [
    line(all),
    line(all.map((_, i) => (i < 2 ? '---' : '--:'))),
    ...rows.map((r) =>
      line([
        r.database,
        r.scenario,
        own.cell(r),
        fmtRps(r.m.rps),
        fmtMs(r.m.p50),
        fmtMs(r.m.p95),
        fmtMs(r.m.p99),
        int.format(r.m.requests),
        String(r.m.non2xx),
        String(r.m.errors),
      ]),
    ),
  ].join('\n');
}

export function machineLine(m: Machine): string {
  return `Run ${m.date} on commit \`${m.commit}\` · Node ${m.node} · ${m.cpu}, ${m.cores} cores · ${m.os} · load average ${m.load.toFixed(2)} at start`;
}

export const markers = (id: string) => ({
  start: `<!-- bench:${id}:start -->`,
  end: `<!-- bench:${id}:end -->`,
});

const PREAMBLE = `# Benchmarks

\`npm run bench\` starts the real server as a child process on a fresh data
directory and drives it over HTTP with [autocannon](https://github.com/mcollina/autocannon).
Figures are written here by the run itself: each module owns the section between
its \`<!-- bench:<name>:start/end -->\` markers, and a run rewrites only the sections
it ran (\`npm run bench -- platform\` runs one). Set \`BENCH_DATABASE_URL=postgres://…\`
(a server where the run may create and drop a database) to add a PostgreSQL pass.
Benchmarks are not tests: nothing here asserts a time.
`;

/** Replaces the section `id` of `file` (creating the file or appending the section when missing). */
export function writeSection(file: string, id: string, body: string): void {
  const { start, end } = markers(id);
  const block = `${start}\n${body.trim()}\n${end}`;
  const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : PREAMBLE;
  const from = old.indexOf(start);
  const to = old.indexOf(end);
  const next =
    from >= 0 && to > from
      ? old.slice(0, from) + block + old.slice(to + end.length)
      : `${old.trimEnd()}\n\n${block}\n`;
  fs.writeFileSync(file, next);
}

/**
 * Figures taken while other work held the cores say little about the code:
 * say so under a section's table. `alone` points to where the section says
 * what its statements cost by themselves, if it does.
 */
export function busyWarning(machine: Machine, alone?: string): string[] {
  const { load, cores } = machine;
  if (load <= cores) return [];
  return [
    '',
    `**This run started at a load average of ${load.toFixed(1)} on ${cores} cores**: other work held the CPU, so part of each figure is waiting for a core. Re-run on a quiet machine before holding these figures against the targets${alone ? `; ${alone}` : ''}.`,
  ];
}
