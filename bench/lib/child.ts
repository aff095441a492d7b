/**
 * Child processes the benchmark starts (the Houqin server, the bare Fastify
 * baseline), and the guarantee that none of them outlives the run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';

export type Child = {
  proc: ChildProcess;
  /** `http://127.0.0.1:<port>` */
  base: string;
  /** The last few KB of stdout and stderr, for error messages. */
  output(): string;
  /** SIGTERM, then SIGKILL if it has not gone within 10 s. */
  stop(): Promise<void>;
};

const live = new Set<ChildProcess>();
// A crash or Ctrl-C of the runner must not leave servers holding ports and data dirs.
process.on('exit', () => {
  for (const proc of live) proc.kill('SIGKILL');
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A port nobody listens on right now: the OS picks one, we close it and reuse the number. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Runs `node <args>` with `env` (PORT is set to a free port) and resolves once
 * `readyPath` answers 200; fails with the child's output if it exits first or
 * is not ready within 60 s.
 */
export async function startChild(opts: {
  what: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  readyPath: string;
}): Promise<Child> {
  const port = await freePort();
  const proc = spawn(process.execPath, opts.args, {
    cwd: opts.cwd,
    env: { ...process.env, ...opts.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(proc);
  let out = '';
  // Always drain the pipes: a full pipe would block the server's writes.
  const keep = (d: Buffer) => (out = (out + d.toString()).slice(-4000));
  proc.stdout!.on('data', keep);
  proc.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) =>
    proc.once('exit', () => {
      live.delete(proc);
      resolve();
    }),
  );
  const base = `http://127.0.0.1:${port}`;
  const child: Child = {
    proc,
    base,
    output: () => out,
    async stop() {
      if (!live.has(proc)) return;
      proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (!live.has(proc)) throw new Error(`${opts.what} exited during start-up:\n${out}`);
    try {
      const res = await fetch(base + opts.readyPath, { signal: AbortSignal.timeout(1_000) });
      if (res.ok) return child;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  await child.stop();
  throw new Error(`${opts.what} was not ready within 60 s:\n${out}`);
}
