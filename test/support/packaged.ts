// A packaged app's layout, as electron-builder makes it, of hard links to the real files:
// resources/app.asar (an archive in a real build: here a folder, only its name matters) and
// resources/app.asar.unpacked holding what electron-builder.yml unpacks.
import fs from 'node:fs';
import path from 'node:path';
import { REPO, tempDir } from './tmp';

const BUILDER = (): string => fs.readFileSync(path.join(REPO, 'electron-builder.yml'), 'utf8');

/** Packages (or scopes) electron-builder.yml unpacks ("**\/node_modules/NAME/**", NAME maybe "@scope/name"). */
export const unpackedPackages = (): string[] => [...BUILDER().matchAll(/^ {2}- "\*\*\/node_modules\/((?:@[^/]+\/)?[^/]+)\/\*\*"$/gmu)].map((m) => m[1]!);

/** Other patterns electron-builder.yml unpacks (folders of the app's own build, "out/…/**"). */
export const unpackedFolders = (): string[] => [...BUILDER().matchAll(/^ {2}- "(out\/[^"*]+)\/\*\*"$/gmu)].map((m) => m[1]!);

export function linkTree(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true });
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    if (e.isDirectory()) linkTree(path.join(from, e.name), path.join(to, e.name));
    else if (e.isFile()) fs.linkSync(path.join(from, e.name), path.join(to, e.name));
  }
}

/** resources/ with app.asar and app.asar.unpacked/node_modules of the unpacked packages. */
export function packagedLayout(): { resources: string; asar: string; unpacked: string } {
  const resources = path.join(tempDir(), 'resources');
  const asar = path.join(resources, 'app.asar');
  const unpacked = path.join(resources, 'app.asar.unpacked');
  fs.mkdirSync(asar, { recursive: true });
  for (const name of unpackedPackages()) linkTree(path.join(REPO, 'node_modules', name), path.join(unpacked, 'node_modules', name));
  return { resources, asar, unpacked };
}
