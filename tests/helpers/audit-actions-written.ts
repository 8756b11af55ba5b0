import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const coreDir = resolve(import.meta.dirname, '../../electron/core');

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sources(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : [],
  );

/**
 * Every audit action the core can write, read from its source: each `action:` given to appendAudit,
 * with both sides of a ternary, and a template such as `helmet.session.${phase}` expanded over the
 * string union its variable is declared with in the same file.
 */
export function auditActionsWritten(): string[] {
  const found = new Set<string>();
  for (const file of sources(coreDir)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\baction:\s*([^\n]*?)(?:,\s*(?:entity|\n)|\n)/g)) {
      const value = m[1]!;
      for (const lit of value.matchAll(/'([a-zA-Z]+(?:\.[a-zA-Z_]+)+)'/g)) found.add(lit[1]!);
      for (const tpl of value.matchAll(/`([a-zA-Z.]+)\$\{(\w+)\}`/g)) {
        const union = new RegExp(`\\b${tpl[2]}: ((?:'\\w+'\\s*\\|?\\s*)+)`).exec(text);
        if (!union) throw new Error(`${file}: cannot expand \`${tpl[1]}\${${tpl[2]}}\``);
        for (const v of union[1]!.matchAll(/'(\w+)'/g)) found.add(`${tpl[1]}${v[1]}`);
      }
    }
  }
  return [...found].sort();
}
