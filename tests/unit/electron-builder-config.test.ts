import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { load as loadYaml } from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
// js-yaml is what electron-builder itself parses the file with, so the test reads it as packaging will.

interface Target {
  target: string;
  arch?: string | string[];
}
interface BuilderConfig {
  appId?: string;
  productName?: string;
  directories?: { output?: string };
  files?: string[];
  extraResources?: { from: string; to: string }[];
  asarUnpack?: string[];
  npmRebuild?: boolean;
  win?: { target?: Target[] };
  nsis?: { oneClick?: boolean; deleteAppDataOnUninstall?: boolean };
  linux?: { target?: Target[]; category?: string; maintainer?: string };
  [key: string]: unknown;
}

const config = loadYaml(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const archsOf = (targets: Target[] | undefined, name: string) =>
  [targets?.find((t) => t.target === name)?.arch ?? []].flat().sort();

describe('electron-builder.yml', () => {
  let validate: ReturnType<Ajv['compile']>;
  beforeAll(() => {
    // scheme.json is draft-07, which is what Ajv's default class speaks; strict off because the
    // schema uses the non-standard keyword `typeof` (for hook functions), which strict mode rejects.
    const schema = JSON.parse(readFileSync(join(root, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8')) as {
      $schema?: string;
    };
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
  });

  it('is valid against the installed electron-builder schema', () => {
    const ok = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('would catch a misspelled key (the schema forbids unknown properties)', () => {
    expect(validate({ ...config, extraResource: config.extraResources })).toBe(false);
    expect(validate.errors?.[0]?.params).toEqual({ additionalProperty: 'extraResource' });
    expect(validate({ ...config, linux: { ...config.linux, catgory: 'Utility' } })).toBe(false);
    expect(validate({ ...config, nsis: { ...config.nsis, oneclick: false } })).toBe(false);
  });

  it('names the app and where artifacts go', () => {
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z0-9]+)+$/);
    expect(config.productName).toBe('GreenPost');
    expect(config.directories?.output).toBe('release');
    expect(config.files).toEqual(expect.arrayContaining(['dist-web/**', 'dist-node/**', 'package.json']));
  });

  it('builds an assisted NSIS installer for Windows x64 that keeps the data on uninstall', () => {
    expect(archsOf(config.win?.target, 'nsis')).toEqual(['x64']);
    expect(config.nsis?.oneClick).toBe(false);
    expect(config.nsis?.deleteAppDataOnUninstall).toBe(false);
  });

  it('builds deb and AppImage for Linux x64 and arm64', () => {
    expect(archsOf(config.linux?.target, 'deb')).toEqual(['arm64', 'x64']);
    expect(archsOf(config.linux?.target, 'AppImage')).toEqual(['arm64', 'x64']);
    expect(config.linux?.category).toBe('Utility');
    expect(config.linux?.maintainer).toMatch(/<[^@\s]+@[^>\s]+>/);
  });

  it('ships resources beside the asar and unpacks the SQLite addon', () => {
    expect(config.extraResources).toEqual([{ from: 'resources', to: 'resources' }]);
    expect(config.asarUnpack?.some((p) => p.includes('better-sqlite3'))).toBe(true);
    // Rebuilding for Electron's ABI belongs to packaging, never to npm install.
    expect(config.npmRebuild).toBe(true);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.postinstall ?? '').not.toMatch(/rebuild/);
  });
});
