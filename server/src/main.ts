import { ConfigError, loadConfig, type Config } from './platform/config.ts';
import { DataDirLockedError } from './platform/db/lock.ts';
import { backup } from './cli/backup.ts';
import { createAdmin } from './cli/create-admin.ts';
import { demo } from './cli/demo.ts';
import { migrate } from './cli/migrate.ts';
import { restore } from './cli/restore.ts';
import { start } from './cli/start.ts';

type Command = (config: Config, argv: string[]) => Promise<void>;

const COMMANDS: Record<string, { run: Command; help: string }> = {
  start: { run: (c) => start(c), help: 'migrate and serve HTTP (default)' },
  migrate: { run: (c) => migrate(c), help: 'bring the database schema up to date' },
  demo: { run: (c) => demo(c), help: 'seed the demo hospital on an empty database, then serve' },
  'create-admin': {
    run: createAdmin,
    help: '--username U --password P [--name N]: add an administrator',
  },
  backup: {
    run: backup,
    help: '[--out FILE]: snapshot database + files to .tar.gz (server may run)',
  },
  restore: { run: restore, help: 'FILE [--force]: restore a backup (server must be stopped)' },
};

async function main(): Promise<void> {
  const [name = 'start', ...argv] = process.argv.slice(2);
  const command = COMMANDS[name];
  if (!command) {
    console.error(
      `Unknown command "${name}". Commands:\n` +
        Object.entries(COMMANDS)
          .map(([k, v]) => `  ${k.padEnd(14)} ${v.help}`)
          .join('\n'),
    );
    process.exit(2);
  }
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  await command.run(config, argv);
}

main().catch((err: unknown) => {
  if (err instanceof DataDirLockedError) console.error(err.message);
  else console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
