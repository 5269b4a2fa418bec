// The study screen measures every text with string-width as the bundle has it (scripts/bundle.mjs:
// its segmenter and emoji pattern made on first need, and a fast path for the characters the
// screens print). A row is planned and drawn at the width string-width gives: the bundled copy
// must give the same width for every text, or a screen would wrap where it did not.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import {
  NARROW_CHARACTERS_SOURCE,
  fastAnsiTokenizeSource,
  fastYogaWasmSource,
  lazyOlderStringWidthSource,
  lazySliceAnsiSource,
  lazyStringWidthSource,
  projectRoot,
} from '../../scripts/bundle.mjs';
import { NARROW_CHARACTERS } from '../../src/core/text.js';
import { loadPatchedModule } from '../helpers/patched-module.js';

type Measure = (text: string, options?: { ambiguousIsNarrow?: boolean; countAnsiEscapeCodes?: boolean }) => number;

/** The bundle's string-width, built as the full program builds it and loaded from memory. */
async function bundledStringWidth(): Promise<Measure> {
  const dir = join(projectRoot, 'node_modules', 'string-width');
  return loadPatchedModule<Measure>(lazyStringWidthSource(readFileSync(join(dir, 'index.js'), 'utf8')), dir);
}

describe('string-width as the study screen has it', () => {
  it('gives every character, and texts mixing every kind of character, the width string-width gives', async () => {
    const bundled = await bundledStringWidth();
    const differing: string[] = [];
    const compare = (text: string) => {
      for (const options of [undefined, { ambiguousIsNarrow: false }, { countAnsiEscapeCodes: true }]) {
        if (bundled(text, options) !== stringWidth(text, options)) differing.push(`${JSON.stringify(text)} ${JSON.stringify(options)}`);
      }
    };
    for (let code = 0; code < 0x10000; code += code < 0x3000 ? 1 : 7) compare(String.fromCharCode(code));
    const pieces = ['a', ' ', '·', '—', '…', '░', '█', 'é', 'e\u0301', '深', 'Ａ', '😀', '👨‍👩‍👧', '©', '©\ufe0f', '1\ufe0f\u20e3', '🇫🇷', '\u001b[31m', '\u001b[0m', '\t', '\u200b', '\u00ad', '가', '\u1100\u1161', 'ก\u0e33', 'क्ष', '\u2028', '→', '↔'];
    for (let i = 0; i < 3000; i++) {
      let text = '';
      for (let n = (i * 7) % 9; n >= 0; n--) text += pieces[(i * 31 + n * 17 + n * n) % pieces.length];
      compare(text);
    }
    compare('bench                                           0 new · 0 learning · 200 review');
    compare('░░░░░░░░░░░░░░░░░░░░ 0 answers, about 200 to go');
    expect(differing).toEqual([]);
  });

  it('takes its fast path for exactly the characters paperdeck measures without string-width', () => {
    expect(NARROW_CHARACTERS_SOURCE).toBe(NARROW_CHARACTERS.source);
  });
});

describe('wrap-ansi’s own string-width as the bundle has it (segmenter and pattern made on first use)', () => {
  it('gives every character, and texts mixing every kind of character, the width it gives unpatched', async () => {
    const dir = join(projectRoot, 'node_modules', 'wrap-ansi', 'node_modules', 'string-width');
    const source = readFileSync(join(dir, 'index.js'), 'utf8');
    const [original, patched] = await Promise.all([loadPatchedModule<Measure>(source, dir), loadPatchedModule<Measure>(lazyOlderStringWidthSource(source), dir)]);
    expect(lazyOlderStringWidthSource(source)).not.toMatch(/new Intl\.Segmenter\(\);/);
    const differing: string[] = [];
    const compare = (text: string) => {
      for (const options of [undefined, { ambiguousIsNarrow: false }, { countAnsiEscapeCodes: true }]) {
        if (patched(text, options) !== original(text, options)) differing.push(`${JSON.stringify(text)} ${JSON.stringify(options)}`);
      }
    };
    for (let code = 0; code < 0x10000; code += code < 0x3000 ? 1 : 7) compare(String.fromCharCode(code));
    for (const text of ['e\u0301', '👨‍👩‍👧', '©\ufe0f', '1\ufe0f\u20e3', '🇫🇷', '\u001b[31mred\u001b[0m', 'क्ष', '\u2060\u00ad', 'plain ascii · — …']) compare(text);
    expect(differing).toEqual([]);
  });
});

describe('Ink’s splitting of texts into grapheme clusters as the bundle has it (a segmenter made on first need)', () => {
  const pieces = ['a', ' ', '·', '—', '…', '░', '█', 'é', 'e\u0301', '\u0301', '深', '😀', '👨‍👩‍👧', '©\ufe0f', '1\ufe0f\u20e3', '🇫🇷', '\u001b[31m', '\u001b[0m', '\u001b]8;;https://x\u0007', '\u009b1m', '\t', '\r', '\n', '\r\n', '\u200d', '\u00ad', '가', '\u1100\u1161', 'ก\u0e33', 'क्ष', '\u2028', '→'];
  /** Every character alone and beside others, and texts mixing every kind of character. */
  function texts(): string[] {
    const all: string[] = [];
    for (let code = 0; code < 0x10000; code += code < 0x3000 ? 1 : 7) {
      const char = String.fromCharCode(code);
      all.push(`${char}${char}`, `\u001b[1m${char}a\r${char}\n\u001b[22m`);
    }
    for (let i = 0; i < 3000; i++) {
      let text = '';
      for (let n = (i * 7) % 9; n >= 0; n--) text += pieces[(i * 31 + n * 17 + n * n) % pieces.length];
      all.push(text);
    }
    all.push('\u001b[2mbench\u001b[22m                                 0 new · 0 learning · 200 review', '░░░░░░░░░░ 0 answers — about 200 to go…');
    return all;
  }

  it('gives @alcalzone/ansi-tokenize’s tokens for every text', async () => {
    const dir = join(projectRoot, 'node_modules', '@alcalzone', 'ansi-tokenize', 'build');
    const source = readFileSync(join(dir, 'tokenize.js'), 'utf8');
    type Tokenize = (text: string, endChar?: number) => unknown[];
    const load = (text: string) => loadPatchedModule<Tokenize>(`${text}\nexport default tokenize;`, dir);
    const [original, patched] = await Promise.all([load(source), load(fastAnsiTokenizeSource(source))]);
    expect(fastAnsiTokenizeSource(source)).not.toMatch(/const segmenter = new Intl\.Segmenter/);
    const differing = texts().filter((text) => JSON.stringify(patched(text)) !== JSON.stringify(original(text)) || JSON.stringify(patched(text, 3)) !== JSON.stringify(original(text, 3)));
    expect(differing).toEqual([]);
  });

  it('gives slice-ansi’s tokens for every text', async () => {
    const dir = join(projectRoot, 'node_modules', 'slice-ansi');
    const source = readFileSync(join(dir, 'tokenize-ansi.js'), 'utf8');
    type Tokenize = (text: string, options?: { endCharacter?: number }) => unknown[];
    const [original, patched] = await Promise.all([loadPatchedModule<Tokenize>(source, dir), loadPatchedModule<Tokenize>(lazySliceAnsiSource(source), dir)]);
    expect(lazySliceAnsiSource(source)).not.toMatch(/const GRAPHEME_SEGMENTER = new Intl\.Segmenter/);
    const differing = texts().filter((text) => JSON.stringify(patched(text)) !== JSON.stringify(original(text)) || JSON.stringify(patched(text, { endCharacter: 3 })) !== JSON.stringify(original(text, { endCharacter: 3 })));
    expect(differing).toEqual([]);
  });
});

describe('yoga-layout’s WebAssembly as the bundle has it', () => {
  it('decodes to the very bytes its own decoding gives', () => {
    const source = readFileSync(join(projectRoot, 'node_modules', 'yoga-layout', 'dist', 'binaries', 'yoga-wasm-base64-esm.js'), 'utf8');
    const base64 = /"data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)"/.exec(source)![1]!;
    const own = atob(base64);
    const bytes = new Uint8Array(own.length);
    for (let i = 0; i < own.length; i++) bytes[i] = own.charCodeAt(i);
    expect(new Uint8Array(Buffer.from(base64, 'base64'))).toEqual(bytes);
    expect(fastYogaWasmSource(source)).toContain('Buffer.from(a.slice(37),"base64")');
    expect(fastYogaWasmSource(source)).not.toContain('charCodeAt(a)');
  });
});
