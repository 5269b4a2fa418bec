// generate's own build (dist/generate.js, scripts/bundle.mjs) leaves markdown-it to a file
// beside it, dist/markdown-it.js, required when a Markdown deck is first read: a plain deck's
// rebuild has Node parse none of it. A Markdown deck built there gets what the full program gives.
// The bin loads it from the code cache its build made for it (scripts/generate-loader.js), and
// from its source when that cache is not for it.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../scripts/bundle.mjs';
import { testBinary } from '../helpers/binary.js';
import { runCli, tempDir } from '../helpers/cli.js';

const NOTES = [
  '# Papers',
  '',
  '## Attention Is All You Need',
  '',
  'The key idea is that **self-attention** alone, without recurrence, is enough for translation, and it trains [much faster](https://arxiv.org/abs/1706.03762).',
  '',
  '## Zoneout',
  '',
  '- Zoneout randomly keeps hidden units at their previous values instead of dropping them.',
  '',
].join('\n');

describe("generate's own build", () => {
  it('holds none of markdown-it, which it requires from the file beside it', () => {
    const dist = dirname(testBinary());
    const generate = readFileSync(join(dist, 'generate.js'), 'utf8');
    expect(generate).not.toMatch(/node_modules[\\/](?:markdown-it|mdurl|linkify-it|uc\.micro|punycode)[\\/]/);
    expect(generate).toContain('require("./markdown-it.js")');
    expect(readFileSync(join(dist, 'markdown-it.js'), 'utf8')).toMatch(/node_modules[\\/]markdown-it[\\/]/);
  });

  it('builds a Markdown deck as the full program does', () => {
    const cards = (how: string[]) => {
      const root = tempDir();
      mkdirSync(join(root, 'decks', 'papers'), { recursive: true });
      writeFileSync(join(root, 'decks', 'papers', 'notes.md'), NOTES);
      // `generate` on the quick path goes to generate.js; with --verbose, to the full program.
      const result = runCli(['generate', ...how, '--decks', join(root, 'decks'), '--state', join(root, 'state')]);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      return JSON.parse(readFileSync(join(root, 'decks', 'papers', 'cards.json'), 'utf8')).cards as unknown[];
    };
    const quick = cards([]);
    expect(quick).toHaveLength(2);
    expect(quick).toEqual(cards(['--verbose']));
  });

  /** Whether a fresh `node`, as the bin does, compiles dist/generate.js in `dist` from its code cache. */
  const compiledFromCache = (dist: string): boolean => {
    const loader = join(projectRoot, 'scripts', 'generate-loader.js');
    const script = `import { compileGenerator } from ${JSON.stringify(loader)}; process.stdout.write(String(compileGenerator(${JSON.stringify(dist)}).cached));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    return run.stdout === 'true';
  };

  it('is compiled from the code cache its build made for it', () => {
    expect(compiledFromCache(dirname(testBinary()))).toBe(true);
  });

  it('is compiled from its source when the code cache is not for it, and builds as ever', () => {
    const cards = (bin: string) => {
      const root = tempDir();
      mkdirSync(join(root, 'decks', 'papers'), { recursive: true });
      writeFileSync(join(root, 'decks', 'papers', 'notes.md'), NOTES);
      const result = spawnSync(process.execPath, [bin, 'generate', '--decks', join(root, 'decks'), '--state', join(root, 'state')], { encoding: 'utf8' });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      return JSON.parse(readFileSync(join(root, 'decks', 'papers', 'cards.json'), 'utf8')).cards as unknown[];
    };
    // A copy of the build, generate.js with one more byte: not the file its cache was made for.
    const copy = join(tempDir(), 'dist');
    cpSync(dirname(testBinary()), copy, { recursive: true });
    appendFileSync(join(copy, 'generate.js'), '\n');
    expect(compiledFromCache(copy)).toBe(false);
    expect(cards(join(copy, 'paperdeck.js'))).toEqual(cards(testBinary()));
  });
});
