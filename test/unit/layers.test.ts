// The layer arrows are enforced by lint: core ↛ electron, renderer ↛ main/node, shared ↛ anything.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/tmp';

const eslint = new ESLint({ cwd: REPO });
const violations = async (file: string, code: string): Promise<string[]> =>
  (await eslint.lintText(code, { filePath: `${REPO}/${file}` }))[0]!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);

describe('layer rule', () => {
  it.each([
    ['src/main/core/store/x.ts', "import { app } from 'electron';"],
    ['src/main/core/x.ts', "import '../electron/window';"],
    ['src/main/harness/x.ts', "import '../../renderer/src/App';"],
    ['src/renderer/src/x.ts', "import fs from 'node:fs';"],
    ['src/renderer/src/x.ts', "import '../../main/core/store/db';"],
    ['src/renderer/src/x.ts', "import Database from 'better-sqlite3';"],
    ['src/shared/x.ts', "import '../main/core/pipeline';"],
    ['src/shared/x.ts', "import path from 'node:path';"],
  ])('%s may not %s', async (file, code) => {
    expect(await violations(file, `${code}\nexport {};\n`)).not.toEqual([]);
  });

  it('allows the arrows that exist', async () => {
    expect(await violations('src/main/electron/x.ts', "import { app } from 'electron';\nimport '../core/api/host';\nexport { app };\n")).toEqual([]);
    expect(await violations('src/renderer/src/x.ts', "import '../../shared/api';\nexport {};\n")).toEqual([]);
  });
});
