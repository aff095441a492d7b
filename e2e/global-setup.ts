/**
 * Before the journeys: build the web app from the current sources and start
 * the real server on a fresh data directory and a free port (scheduler off),
 * as a person would after `npm install && npm start`. Returns the teardown.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startChild } from '../bench/lib/child.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export default async function globalSetup(): Promise<() => Promise<void>> {
  // Built into its own directory, so a journey run never disturbs (or is
  // disturbed by) the web/dist that `npm start` serves, nor another run.
  const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'houqin-e2e-web-'));
  const build = spawnSync(
    'npm',
    ['run', 'build', '-w', 'web', '--silent', '--', '--outDir', webDir, '--emptyOutDir'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  if (build.status !== 0) throw new Error('the web build failed');

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'houqin-e2e-'));
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    SCHEDULER: 'off',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    WEB_DIR: webDir,
  };
  const server = await startChild({
    what: 'Houqin server',
    args: ['--import', 'tsx', 'server/src/main.ts', 'start'],
    cwd: ROOT,
    env,
    readyPath: '/readyz',
  });
  // Tests read the address from here (workers start after global set-up).
  process.env.HOUQIN_E2E_URL = server.base;
  process.env.HOUQIN_E2E_WEB_DIR = webDir;
  return async () => {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(webDir, { recursive: true, force: true });
  };
}
