// One process at a time on an embedded data directory: PGlite is a single-process database, and a
// second server or command on the same files would corrupt them. The holder's pid is written to
// `wenze.pid` in the directory (created exclusively); a file left by a process that is gone is
// taken over.
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const LOCK_FILE = 'wenze.pid';

export class DataDirInUse extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(`数据目录 ${dir} 正被进程 ${pid} 使用（the data directory is in use by process ${pid}）`);
    this.name = 'DataDirInUse';
  }
}

/** Directories this process holds (a pid file naming this process but not held here is stale). */
const held = new Set<string>();

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A pid reused by an unrelated program after a crash: only a Node process can hold the directory.
  try {
    return /node|wenze/i.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
  } catch {
    return true; // no /proc: trust the pid
  }
}

/** Take the directory for this process, or throw DataDirInUse naming the holder. Returns the release. */
export function lockDataDir(dir: string): () => void {
  const abs = resolve(dir);
  const file = join(abs, LOCK_FILE);
  if (held.has(abs)) throw new DataDirInUse(abs, process.pid);
  for (;;) {
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      held.add(abs);
      return () => {
        if (!held.delete(abs)) return;
        try {
          if (readFileSync(file, 'utf8').trim() === String(process.pid)) unlinkSync(file);
        } catch {
          // already gone
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    let pid = 0;
    try {
      pid = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
    } catch {
      continue; // removed meanwhile: try again
    }
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && running(pid))
      throw new DataDirInUse(abs, pid);
    try {
      unlinkSync(file); // stale
    } catch {
      // taken over by another process meanwhile: the next round finds out
    }
  }
}
