// Library bundles: one file that carries a whole library to another archivist, and its merge.
//
// A bundle is a tar (streamed both ways, no 4 GB limit, opened by any archiver) of
//   bundle.json          schema nianbao/bundle-v1, counts, who and when
//   library.sqlite.gz    a VACUUM INTO snapshot of the database, gzipped
//   blobs/<sha256>       every original file
// The snapshot carries every table as it is (fields, corrections, verifications, history, checks,
// names, pages) with no second serialisation to keep in step with the schema; an older bundle is
// migrated on import like any library, a newer one is refused. Import checks every blob's sha256,
// then merges in one transaction (store/bundle.ts), so a bad bundle leaves the library as it was.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { z } from 'zod';
import type { Library } from '../store/library';
import { openDatabase, LibraryError, schemaVersion, type Db } from '../store/db';
import { bundleShas, databaseIntact, mergeLibrary, snapshotDatabase, type MergeSummary } from '../store/bundle';
import { indexPendingText } from '../store/reports';
import { rankPending } from '../store/zh-order';
import { blobPath } from '../import/blob-store';
import { readTar, TarError, writeTar } from './tar';

export type BundleErrorCode = 'bundle_invalid' | 'bundle_corrupt' | 'bundle_incomplete' | 'bundle_newer' | 'bundle_unreadable';

export class BundleError extends Error {
  constructor(
    readonly code: BundleErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'BundleError';
  }
}

const manifestSchema = z.object({
  schema: z.literal('nianbao/bundle-v1'),
  created_at: z.string(),
  created_by: z.string(),
  schema_version: z.number().int().positive(),
  reports: z.number().int().nonnegative(),
  files: z.number().int().nonnegative(),
  missing: z.array(z.string()),
});
export type BundleManifest = z.infer<typeof manifestSchema>;

const BLOB_ENTRY = /^blobs\/([0-9a-f]{64})$/;

const user = (): string => {
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
};

export async function exportBundle(lib: Library, file: string): Promise<BundleManifest> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-bundle-'));
  try {
    const snapshot = path.join(tmp, 'library.sqlite');
    const counts = snapshotDatabase(lib.db, snapshot);
    await pipeline(fs.createReadStream(snapshot), zlib.createGzip({ level: 6 }), fs.createWriteStream(`${snapshot}.gz`));
    const shas = bundleShas(lib.db);
    const present = shas.filter((sha) => fs.existsSync(blobPath(lib.home, sha)));
    const manifest: BundleManifest = {
      schema: 'nianbao/bundle-v1',
      created_at: new Date().toISOString(),
      created_by: user(),
      schema_version: schemaVersion(lib.db),
      ...counts,
      missing: shas.filter((sha) => !present.includes(sha)),
    };
    fs.writeFileSync(path.join(tmp, 'bundle.json'), JSON.stringify(manifest, null, 1));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    writeTar(`${file}.tmp`, [
      { name: 'bundle.json', path: path.join(tmp, 'bundle.json') },
      { name: 'library.sqlite.gz', path: `${snapshot}.gz` },
      ...present.map((sha) => ({ name: `blobs/${sha}`, path: blobPath(lib.home, sha) })),
    ]);
    fs.renameSync(`${file}.tmp`, file);
    return manifest;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

export interface BundleImport extends MergeSummary {
  bundle: BundleManifest;
}

/** Unpack into a folder inside the library (blobs then move into place by rename). */
function unpack(file: string, into: string): Map<string, string> {
  const hashes = new Map<string, crypto.Hash>();
  fs.mkdirSync(path.join(into, 'blobs'));
  try {
    readTar(
      file,
      (name) => {
        if (name === 'bundle.json' || name === 'library.sqlite.gz') return path.join(into, name);
        const sha = BLOB_ENTRY.exec(name)?.[1];
        if (!sha) throw new BundleError('bundle_invalid', `资料库包中有不认识的条目 ${name}`);
        hashes.set(name, crypto.createHash('sha256'));
        return path.join(into, name);
      },
      (name, chunk) => hashes.get(name)?.update(chunk),
    );
  } catch (err) {
    if (err instanceof BundleError) throw err;
    if (err instanceof TarError) throw new BundleError('bundle_invalid', `不是有效的资料库包：${err.message}`);
    throw new BundleError('bundle_unreadable', `无法读取资料库包：${(err as Error).message}`);
  }
  const blobs = new Map<string, string>();
  for (const [name, hash] of hashes) {
    const sha = BLOB_ENTRY.exec(name)![1]!;
    if (hash.digest('hex') !== sha) throw new BundleError('bundle_corrupt', `资料库包已损坏：原始文件 ${sha.slice(0, 12)}… 的内容与其 sha256 不符`);
    blobs.set(sha, path.join(into, name));
  }
  return blobs;
}

function readManifest(dir: string): BundleManifest {
  const file = path.join(dir, 'bundle.json');
  if (!fs.existsSync(file)) throw new BundleError('bundle_invalid', '资料库包缺少 bundle.json，不是年报工作台导出的资料库包');
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    throw new BundleError('bundle_corrupt', '资料库包的 bundle.json 已损坏');
  }
  const m = manifestSchema.safeParse(parsed);
  if (!m.success) throw new BundleError('bundle_invalid', `资料库包的 bundle.json 格式不对（${m.error.issues[0]?.message}）`);
  return m.data;
}

async function openSnapshot(dir: string): Promise<Db> {
  const gz = path.join(dir, 'library.sqlite.gz');
  if (!fs.existsSync(gz)) throw new BundleError('bundle_incomplete', '资料库包缺少数据库 library.sqlite.gz');
  const target = path.join(dir, 'library.sqlite');
  try {
    await pipeline(fs.createReadStream(gz), zlib.createGunzip(), fs.createWriteStream(target));
  } catch (err) {
    throw new BundleError('bundle_corrupt', `资料库包中的数据库已损坏（${(err as Error).message}）`);
  }
  let db: Db;
  try {
    db = openDatabase(target);
  } catch (err) {
    if (err instanceof LibraryError && err.code === 'schema_newer') throw new BundleError('bundle_newer', `资料库包来自更新版本的年报工作台：${err.message}`);
    throw new BundleError('bundle_corrupt', `资料库包中的数据库无法打开（${(err as Error).message}）`);
  }
  try {
    if (!databaseIntact(db)) throw new BundleError('bundle_corrupt', '资料库包中的数据库已损坏（完整性检查未通过）');
  } catch (err) {
    db.close();
    throw err instanceof BundleError ? err : new BundleError('bundle_corrupt', `资料库包中的数据库已损坏（${(err as Error).message}）`);
  }
  return db;
}

export async function importBundle(lib: Library, file: string): Promise<BundleImport> {
  if (!fs.existsSync(file)) throw new BundleError('bundle_unreadable', `找不到资料库包 ${file}`);
  const dir = fs.mkdtempSync(path.join(lib.home, '.bundle-import-'));
  let src: Db | undefined;
  try {
    const blobs = unpack(file, dir);
    const bundle = readManifest(dir);
    src = await openSnapshot(dir);
    const missing = bundleShas(src).filter((sha) => !blobs.has(sha) && !fs.existsSync(blobPath(lib.home, sha)) && !bundle.missing.includes(sha));
    if (missing.length) throw new BundleError('bundle_incomplete', `资料库包不完整：缺少 ${missing.length} 个原始文件（如 ${missing[0]!.slice(0, 12)}…）`);
    // originals first: a blob no report names is harmless, a report without its blob is not
    for (const [sha, from] of blobs) {
      const to = blobPath(lib.home, sha);
      if (fs.existsSync(to)) continue;
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.renameSync(from, to);
    }
    const summary = mergeLibrary(lib.db, src, path.basename(file));
    indexPendingText(lib.db);
    rankPending(lib.db);
    return { ...summary, bundle };
  } finally {
    src?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
