/** The facts a figure means nothing without: when, which code, which machine. */
import { execFileSync } from 'node:child_process';
import os from 'node:os';

export type Machine = {
  date: string;
  commit: string;
  node: string;
  cpu: string;
  cores: number;
  os: string;
  /** 1-minute load average when the run started: other work skews every figure. */
  load: number;
};

function git(args: string[]): string {
  try {
    return execFileSync('git', args, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return '';
  }
}

export function machineFacts(): Machine {
  const cpus = os.cpus();
  const sha = git(['rev-parse', '--short', 'HEAD']) || 'unknown';
  // Figures from a tree with local edits are not exactly that commit's: say so.
  const dirty = git(['status', '--porcelain', '--untracked-files=no']) !== '';
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    commit: dirty ? `${sha} (with uncommitted changes)` : sha,
    node: process.version,
    cpu: cpus[0]?.model.trim() ?? 'unknown CPU',
    cores: cpus.length,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    load: os.loadavg()[0] ?? 0,
  };
}
