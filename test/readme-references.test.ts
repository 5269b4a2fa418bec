// What paperdeck prints sends people to sections of the README by name; each must exist.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );
}

describe('README sections named in messages', () => {
  it('are headings of the README', () => {
    const headings = new Set([...readFileSync(join(root, 'README.md'), 'utf8').matchAll(/^#{1,6} (.+)$/gm)].map((m) => m[1]!.trim()));
    const named = sources(join(root, 'src')).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/"([^"]+)" in the README/g)].map((m) => m[1]!));
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((name) => !headings.has(name))).toEqual([]);
  });
});
