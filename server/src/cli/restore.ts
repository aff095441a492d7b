import { parseArgs } from 'node:util';
import { BackupError } from '../platform/backup/archive.ts';
import { restoreBackup } from '../platform/backup/restore-backup.ts';
import type { Config } from '../platform/config.ts';
import { DataDirLockedError } from '../platform/db/lock.ts';

/**
 * `restore FILE [--force]`: replaces the data directory's database and files
 * with a backup's, keeping the old ones in `pre-restore-<time>/`. Refuses
 * while a server runs on the directory.
 */
export async function restore(config: Config, argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { force: { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  const [archive] = positionals;
  if (!archive || positionals.length > 1) {
    console.error('用法 / usage: restore BACKUP.tar.gz [--force]');
    process.exitCode = 2;
    return;
  }
  try {
    const { manifest, previous, missingFiles } = await restoreBackup(config, archive, {
      force: values.force,
    });
    console.log(
      `已恢复 ${manifest.createdAt} 的备份（版本 ${manifest.version}）到 ${config.dataDir} / ` +
        `Restored the backup of ${manifest.createdAt} (version ${manifest.version}) into ${config.dataDir}.`,
    );
    if (previous) console.log(`原有数据已移到 / Previous data moved to: ${previous}`);
    if (missingFiles > 0) {
      console.warn(
        `警告：${missingFiles} 个附件的文件不在备份中 / Warning: ${missingFiles} attachment file(s) are missing from the backup.`,
      );
    }
    console.log('现在可以启动服务 / You can start the server now.');
  } catch (err) {
    if (!(err instanceof BackupError || err instanceof DataDirLockedError)) throw err;
    console.error(err.message);
    process.exitCode = 1;
  }
}
