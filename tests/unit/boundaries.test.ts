import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

const errorsFor = async (filePath: string, code: string) =>
  (await eslint.lintText(code, { filePath }))[0]!.messages.filter((m) => m.ruleId === 'no-restricted-imports');

describe('import boundaries are linted', () => {
  it.each([
    ['renderer/src/booth/x.ts', "import { readFileSync } from 'node:fs';"],
    ['renderer/src/booth/x.ts', "import { ipcRenderer } from 'electron';"],
    ['renderer/src/kiosk/x.ts', "import Database from 'better-sqlite3';"],
    ['shared/contract/x.ts', "import { createHash } from 'crypto';"],
    ['electron/core/x.ts', "import { app } from 'electron';"],
  ])('%s may not %s', async (file, code) => {
    expect(await errorsFor(file, `${code}\nexport {};\n`)).toHaveLength(1);
  });

  it.each([
    ['renderer/src/booth/x.ts', "import { io } from 'socket.io-client';"],
    ['electron/core/x.ts', "import { join } from 'node:path';"],
    ['electron/main/x.ts', "import { app } from 'electron';"],
  ])('%s may %s', async (file, code) => {
    expect(await errorsFor(file, `${code}\nexport {};\n`)).toHaveLength(0);
  });
});
