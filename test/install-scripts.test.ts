// A fresh `npm install` must be quiet: npm 11 blocks the install scripts of dependencies that
// package.json's allowScripts does not name, and warns about each. Every installed package with
// an install script (or a binding.gyp, which npm builds with node-gyp) must be named there.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';

/** Every package folder under node_modules, nested ones and scoped ones included. */
function packageDirs(modules: string): string[] {
  if (!existsSync(modules)) return [];
  const dirs: string[] = [];
  for (const name of readdirSync(modules)) {
    if (name.startsWith('.')) continue;
    const path = join(modules, name);
    const inside = name.startsWith('@') ? readdirSync(path).map((scoped) => join(path, scoped)) : [path];
    for (const dir of inside) {
      if (!existsSync(join(dir, 'package.json'))) continue;
      dirs.push(dir, ...packageDirs(join(dir, 'node_modules')));
    }
  }
  return dirs;
}

describe('install scripts', () => {
  it('are all declared in package.json allowScripts', () => {
    const allowed: Record<string, boolean> = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).allowScripts ?? {};
    const withScripts = new Set<string>();
    for (const dir of packageDirs(join(ROOT, 'node_modules'))) {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      const scripts = pkg.scripts ?? {};
      if (scripts.preinstall || scripts.install || scripts.postinstall || existsSync(join(dir, 'binding.gyp'))) withScripts.add(pkg.name);
    }
    expect(withScripts.size).toBeGreaterThan(0);
    for (const name of withScripts) expect(allowed[name], `${name} runs an install script`).toBe(true);
  });
});
