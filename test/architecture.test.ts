// The source tree's shape, kept by a test rather than by memory: Ink and React only under ui/,
// the file system only under store/ (with the named exceptions below, each with its reason),
// processes only under cli/, the system clock only in core/clock.ts, folders importing only
// those before them in one order, and no import cycle between files or between folders.
import { describe, expect, it } from 'vitest';
import { brokenRules, readSourceTree, srcRoot, type RuleSet, type SourceFile } from './helpers/import-rules.js';

const FILE_SYSTEM = ['node:fs', 'fs', 'lowdb', 'proper-lockfile'];

const RULES: RuleSet = {
  moduleHomes: {
    ink: 'ui',
    react: 'ui',
    ...Object.fromEntries(FILE_SYSTEM.map((module) => [module, 'store'])),
    'node:child_process': 'cli',
    child_process: 'cli',
  },
  exceptions: {
    'cli/failure.ts': {
      'node:fs': 'when stdout or stderr fails, its one line goes straight to fd 2 (writeSync), since the stream cannot carry it',
    },
    'core/paths.ts': {
      'node:fs': "finds the project root by its package.json, before any store is opened, to know where the store is",
    },
  },
  clockFile: 'core/clock.ts',
  folderOrder: ['core', 'notes', 'schedule', 'store', 'cards', ['stats', 'session', 'optimize', 'plan'], 'ui', 'cli'],
};

describe('the shape of src/', () => {
  it('keeps every rule: homes of ink, react, the file system, processes and the clock; no import cycle', () => {
    expect(brokenRules(readSourceTree(srcRoot), RULES)).toEqual([]);
  });

  it('names each kind of broken rule in a tree made to break them', () => {
    const tree: SourceFile[] = [
      { path: 'core/clock.ts', text: 'export const now = () => Date.now();' },
      { path: 'core/a.ts', text: "import { b } from './b.js';\nexport const a = 1;" },
      { path: 'core/b.ts', text: "import { a } from './a.js';\nexport const b = new Date();" },
      { path: 'cards/deck.ts', text: "import { readFileSync } from 'node:fs';\nimport { Box } from 'ink';\nimport { x } from '../store/files.js';" },
      { path: 'store/files.ts', text: "import type { Deck } from '../cards/deck.js';\nexport const x = 1; // Date.now() in a comment is no reading" },
      { path: 'store/when.ts', text: "export const at = new Date(0); export const t = performance.now();\nexport const s = Date();" },
      { path: 'cards/reach.ts', text: "const fs = process.getBuiltinModule('node:fs');" },
      { path: 'cli/failure.ts', text: "import { writeSync } from 'node:fs';" },
    ];
    expect(brokenRules(tree, RULES)).toEqual([
      'core/b.ts reads the system clock (new Date(), line 2); take the Clock, or core/clock.ts\'s named file-time check',
      "cards/deck.ts imports node:fs, which only store/ may import",
      "cards/deck.ts imports ink, which only ui/ may import",
      "store/when.ts reads the system clock (performance.now, line 1); take the Clock, or core/clock.ts's named file-time check",
      "store/when.ts reads the system clock (Date(), line 2); take the Clock, or core/clock.ts's named file-time check",
      'cards/reach.ts imports node:fs, which only store/ may import',
      'store/ imports cards/, which comes after it in the folder order (store/files.ts → cards/deck.ts)',
      'import cycle between files: cards/deck.ts, store/files.ts',
      'import cycle between files: core/a.ts, core/b.ts',
      'import cycle between folders cards, store (cards/deck.ts → store/files.ts; store/files.ts → cards/deck.ts)',
    ]);
  });
});
