import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { BackupError } from '../platform/backup/archive.ts';
import { createBackup } from '../platform/backup/create-backup.ts';
import type { Config } from '../platform/config.ts';

/**
 * `backup [--out FILE]`: one .tar.gz with the SQLite database, the
 * attachment files and a manifest, taken while the server keeps running.
 */
export async function backup(config: Config, argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { out: { type: 'string' } } });
  try {
    const { file, manifest } = await createBackup(config, values.out);
    const mb = (fs.statSync(file).size / 1024 / 1024).toFixed(1);
    const c = manifest.counts;
    console.log(
      `备份已完成 / Backup written: ${file} (${mb} MB; ` +
        `${c.organizations} organisation(s), ${c.users} user(s), ${c.attachments ?? 0} attachment(s); integrity ${manifest.integrityCheck})`,
    );
  } catch (err) {
    if (!(err instanceof BackupError)) throw err;
    console.error(err.message);
    process.exitCode = 1;
  }
}
