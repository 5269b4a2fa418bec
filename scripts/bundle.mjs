// The one description of paperdeck's esbuild bundle, used by build.mjs (dist/), the tests
// (an isolated copy of the binary) and the bundle-graph checks. It is six builds from the one
// source tree:
//
// - dist/paperdeck.js, the bin: src/cli/main.ts, `paperdeck due` and a `generate` that finds
//   nothing changed (their quick path) as a
//   single CommonJS file. A shell prompt may run `paperdeck due` on every new line; one
//   CommonJS file skips Node's ESM loader and the chunk graph, and starts in about 1.2× bare
//   `node` where the split ESM build took 1.6×. Neither the code only writers need (the lock,
//   the backups) nor the card generator is in it: a deck whose notes changed since its
//   cards.json was built is counted by the full program (src/cli/hand-over.ts).
// - dist/program.mjs and dist/chunks/: the full program (commander and every command) as ESM
//   (Ink's top-level await needs it) with code splitting; Ink and React sit in their own
//   chunk, loaded by `study` alone. main hands over to it for everything the quick path does
//   not take. It is a program of its own, with its own copy of what it shares with main: the
//   two never pass objects to each other (main hands over argv).
// - dist/study.js: `study` in its plain forms, without commander (src/cli/study-program.ts),
//   as one CommonJS file of its own: the same study command, its own copies again, handed the
//   plain data of a parsed command line by main. The bin loads it from dist/study.code-cache,
//   V8's code cache the build makes for it by running a session (writeStudyCodeCache,
//   scripts/generate-loader.js).
// - dist/stats.mjs: `stats` in its plain forms (src/cli/stats-program.ts), in one ESM file of
//   its own, without the card generator: a deck that needs it is handed to the full program,
//   with the argv main handed it.
// - dist/generate.js: `generate` in its plain forms (src/cli/generate-program.ts), when the bin's
//   quick path finds a deck to build, in one CommonJS file as study.js is: the generator
//   without commander, and without markdown-it: dist/markdown-it.js,
//   markdown-it alone as CommonJS, is required from it for a Markdown deck alone. The bin loads
//   it from dist/generate.code-cache, V8's code cache the build makes for it by running it
//   (writeGeneratorCodeCache, scripts/generate-loader.js).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CODE_CACHE_FILE, STUDY_FILE, codeCacheFileOf } from './generate-loader.js';

export const projectRoot = fileURLToPath(new URL('..', import.meta.url));

function shared(outdir, version) {
  const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8'));
  return {
    absWorkingDir: projectRoot,
    outdir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    minify: false,
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"', PAPERDECK_VERSION: JSON.stringify(version ?? pkg.version) },
  };
}

/**
 * In the bin: main's import('./program.js') is the full program's entry, and
 * import('./study-program.js') study's own, both built beside it; and
 * the card generator is left to the full program (src/cli/hand-over.ts stands in for it).
 */
const binImports = {
  name: 'bin-imports',
  setup(b) {
    b.onResolve({ filter: /^\.\/program\.js$/ }, (args) =>
      args.importer.endsWith(join('src', 'cli', 'main.ts')) ? { path: './program.mjs', external: true } : undefined,
    );
    // And import('./study-program.js') is its other entry, `study` without commander: its own
    // build, dist/study.js, CommonJS and loaded from its code cache as generate.js is (below).
    b.onResolve({ filter: /^\.\/study-program\.js$/ }, (args) =>
      args.importer.endsWith(join('src', 'cli', 'main.ts')) ? { path: 'study-program', namespace: 'study-apart' } : undefined,
    );
    b.onLoad({ filter: /^study-program$/, namespace: 'study-apart' }, () => ({
      contents: "module.exports = require('./generate-loader.js').loadStudy(__dirname);\n",
      loader: 'js',
      resolveDir: join(projectRoot, 'scripts'),
    }));
    // And import('./generate-program.js') generate's, for a deck that needs building: its own
    // build, dist/generate.js, CommonJS as the bin is, and loaded as Node requires a CommonJS
    // file, not imported, so that Node's ESM loader is never started (importing the ESM build
    // it was took 10 ms more CPU here); but from the code cache the build made for it
    // (scripts/generate-loader.js).
    b.onResolve({ filter: /^\.\/generate-program\.js$/ }, (args) =>
      args.importer.endsWith(join('src', 'cli', 'main.ts')) ? { path: 'generate-program', namespace: 'generate-apart' } : undefined,
    );
    b.onLoad({ filter: /^generate-program$/, namespace: 'generate-apart' }, () => ({
      contents: "module.exports = require('./generate-loader.js').loadGenerator(__dirname);\n",
      loader: 'js',
      resolveDir: join(projectRoot, 'scripts'),
    }));
    // And import('./stats-program.js') is stats' own build.
    b.onResolve({ filter: /^\.\/stats-program\.js$/ }, (args) =>
      args.importer.endsWith(join('src', 'cli', 'main.ts')) ? { path: './stats.mjs', external: true } : undefined,
    );
    b.onResolve({ filter: /^\.\/generate\.js$/ }, (args) =>
      args.importer.endsWith(join('src', 'cards', 'current.ts')) ? { path: join(projectRoot, 'src', 'cli', 'hand-over.ts') } : undefined,
    );
    // `generate` on the quick path: it reports unchanged decks itself and hands any other over.
    b.onResolve({ filter: /^\.\.\/\.\.\/cards\/(generate|incremental)\.js$/ }, (args) =>
      args.importer.endsWith(join('src', 'cli', 'commands', 'generate.ts')) ? { path: join(projectRoot, 'src', 'cli', 'hand-over.ts') } : undefined,
    );
  },
};

/**
 * In stats' own build (src/cli/stats-program.ts): the card generator is left out, as in the bin
 * (src/cli/hand-over.ts stands in for it), and its import('./program.js'), the full program it
 * hands such a deck over to, is the program built beside it.
 */
const statsImports = {
  name: 'stats-imports',
  setup(b) {
    b.onResolve({ filter: /^\.\/program\.js$/ }, (args) =>
      args.importer.endsWith(join('src', 'cli', 'stats-program.ts')) ? { path: './program.mjs', external: true } : undefined,
    );
    b.onResolve({ filter: /^\.\/generate\.js$/ }, (args) =>
      args.importer.endsWith(join('src', 'cards', 'current.ts')) ? { path: join(projectRoot, 'src', 'cli', 'hand-over.ts') } : undefined,
    );
  },
};

/**
 * The characters string-width measures as one column each, which paperdeck measures without it
 * (src/core/text.ts NARROW_CHARACTERS, whose test holds each to string-width's own width; a test
 * holds the two patterns equal). None joins the next or the last into one cluster, so a text of
 * them alone is as wide as it is long.
 */
export const NARROW_CHARACTERS_SOURCE = '^[\\x20-\\x7e\\u00a1-\\u00ac\\u00ae-\\u02ff\\u2010-\\u2027\\u2030-\\u205e\\u2190-\\u2193\\u2500-\\u259f]*$';

/** string-width's module as the bundles have it: see lazyStringWidth. Throws when it no longer reads as expected. */
export function lazyStringWidthSource(source) {
  let text = source;
  const replace = (from, to) => {
    if (!text.includes(from)) throw new Error(`string-width: "${from}" not found; see lazyStringWidth in scripts/bundle.mjs`);
    text = text.replace(from, () => to);
  };
  // Made on the first text with other characters, not as the module loads.
  replace('const segmenter = new Intl.Segmenter();', 'let segmenter;');
  replace('const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;', 'let rgiEmojiRegex;');
  replace('segmenter.segment(string)', '(segmenter ??= new Intl.Segmenter()).segment(string)');
  replace('rgiEmojiRegex.test(segment)', "(rgiEmojiRegex ??= new RegExp('^\\\\p{RGI_Emoji}$', 'v')).test(segment)");
  // After printable ASCII, the characters paperdeck's screens print beside it (· — … ░ █), one
  // column each when ambiguous ones are narrow (the default, and all Ink asks for).
  replace(
    'const eastAsianWidthOptions = {ambiguousAsWide: !ambiguousIsNarrow};',
    `if (ambiguousIsNarrow && /${NARROW_CHARACTERS_SOURCE}/.test(string)) {\n\t\treturn string.length;\n\t}\n\n\tconst eastAsianWidthOptions = {ambiguousAsWide: !ambiguousIsNarrow};`,
  );
  return text;
}

/**
 * string-width (the copy Ink measures every text with, and paperdeck's text.ts) builds an
 * Intl.Segmenter and compiles its RGI emoji pattern as it loads (the module took 38-64 ms to load
 * here, 4-10 ms as patched), and runs the pattern on the first text with any character beyond
 * printable ASCII: `study`'s first screen, whose few such characters string-width counts one
 * column each anyway. In the bundle both are made on first need, and a text of those
 * characters alone is measured as ASCII is; every width stays what string-width gives (a test
 * compares them over every character and mixed texts). wrap-ansi's own older copy is left as is.
 */
const lazyStringWidth = {
  name: 'lazy-string-width',
  setup(b) {
    // Compared as real paths: esbuild resolves a linked node_modules (a git worktree's) to its target.
    const file = realpathSync(join(projectRoot, 'node_modules', 'string-width', 'index.js'));
    b.onLoad({ filter: /[\\/]string-width[\\/]index\.js$/ }, (args) =>
      realpathSync(args.path) === file ? { contents: lazyStringWidthSource(readFileSync(file, 'utf8')), loader: 'js', resolveDir: dirname(file) } : undefined,
    );
  },
};

/** wrap-ansi's own string-width (7) as the full program bundles it: see lazyWrapAnsiStringWidth. Throws when it no longer reads as expected. */
export function lazyOlderStringWidthSource(source) {
  let text = source;
  const replace = (from, to) => {
    if (text.split(from).length !== 2) throw new Error(`wrap-ansi's string-width: "${from}" not found once; see lazyWrapAnsiStringWidth in scripts/bundle.mjs`);
    text = text.replace(from, () => to);
  };
  replace('const segmenter = new Intl.Segmenter();', 'let segmenter;');
  replace('const defaultIgnorableCodePointRegex = /^\\p{Default_Ignorable_Code_Point}$/u;', 'let defaultIgnorableCodePointRegex;');
  replace('segmenter.segment(string)', '(segmenter ??= new Intl.Segmenter()).segment(string)');
  replace('defaultIgnorableCodePointRegex.test(character)', "(defaultIgnorableCodePointRegex ??= new RegExp('^\\\\p{Default_Ignorable_Code_Point}$', 'u')).test(character)");
  return text;
}

/**
 * wrap-ansi keeps an older string-width of its own, which builds an Intl.Segmenter and compiles
 * a Unicode property pattern as it loads: some 10 ms of the study screen's start-up, for text
 * Ink wraps, which the first frame has none of (paperdeck wraps its rows itself). In the bundle
 * both are made on their first use; every width is what that string-width gives (a test
 * compares them).
 */
const lazyWrapAnsiStringWidth = {
  name: 'lazy-wrap-ansi-string-width',
  // (Found when loaded, not looked up first: where npm lays out a nested copy differently, or
  // hoists it, there is no such file and nothing to patch, and the build goes on.)
  setup(b) {
    b.onLoad({ filter: /[\\/]wrap-ansi[\\/]node_modules[\\/]string-width[\\/]index\.js$/ }, (args) => ({
      contents: lazyOlderStringWidthSource(readFileSync(args.path, 'utf8')),
      loader: 'js',
      resolveDir: dirname(args.path),
    }));
  },
};

/**
 * Characters each of which is a grapheme cluster of its own whatever stands beside it: the
 * controls but CR (which joins a following LF), and NARROW_CHARACTERS (none joins the next or
 * the last). A text of them alone is split into clusters as it is into characters.
 */
export const SINGLE_GRAPHEME_CHARACTERS_SOURCE = NARROW_CHARACTERS_SOURCE.replace('^[', '^[\\x00-\\x0c\\x0e-\\x1f\\x7f-\\x9f');

/** `text` with `from`, found exactly once in it, replaced by `to`; else an error naming `what` was patched. */
function replacedOnce(text, from, to, what) {
  if (text.split(from).length !== 2) throw new Error(`${what}: "${from}" not found once; see fastAnsiTokenize in scripts/bundle.mjs`);
  return text.replace(from, () => to);
}

/** @alcalzone/ansi-tokenize's tokenize.js as the bundles have it: see fastAnsiTokenize. Throws when it no longer reads as expected. */
export function fastAnsiTokenizeSource(source) {
  let text = source;
  const replace = (from, to) => (text = replacedOnce(text, from, to, 'ansi-tokenize'));
  replace('const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });', 'let segmenter;');
  replace(
    'for (const { segment, index } of segmenter.segment(str)) {',
    `for (const { segment, index } of /${SINGLE_GRAPHEME_CHARACTERS_SOURCE}/.test(str) ? Array.from(str, (segment, index) => ({ segment, index })) : (segmenter ??= new Intl.Segmenter(undefined, { granularity: "grapheme" })).segment(str)) {`,
  );
  return text;
}

/** slice-ansi's tokenize-ansi.js as the bundles have it: see fastAnsiTokenize. Throws when it no longer reads as expected. */
export function lazySliceAnsiSource(source) {
  let text = source;
  const replace = (from, to) => (text = replacedOnce(text, from, to, 'slice-ansi'));
  replace("const GRAPHEME_SEGMENTER = new Intl.Segmenter(undefined, {granularity: 'grapheme'});", 'let graphemeSegmenter;');
  if (text.split('GRAPHEME_SEGMENTER.segment(').length !== 4) throw new Error('slice-ansi: GRAPHEME_SEGMENTER not used as expected; see fastAnsiTokenize in scripts/bundle.mjs');
  text = text.replaceAll('GRAPHEME_SEGMENTER.segment(', "(graphemeSegmenter ??= new Intl.Segmenter(undefined, {granularity: 'grapheme'})).segment(");
  return text;
}

/**
 * The first Intl.Segmenter made loads ICU's break rules: 20-30 ms here. Ink splits every text
 * it writes into grapheme clusters (@alcalzone/ansi-tokenize) with one made as it loads, and
 * slice-ansi (Ink's truncation, which the study screen never asks for) makes another as it
 * loads. In the bundle, a text whose characters are each a cluster of their own
 * (SINGLE_GRAPHEME_CHARACTERS_SOURCE: every study screen's) is split character by character, as
 * the segmenter splits it, and each segmenter is made on its first use (a test compares the
 * tokens over every character and mixed texts).
 */
const fastAnsiTokenize = {
  name: 'fast-ansi-tokenize',
  setup(b) {
    const patches = [
      [join('@alcalzone', 'ansi-tokenize', 'build', 'tokenize.js'), fastAnsiTokenizeSource],
      [join('slice-ansi', 'tokenize-ansi.js'), lazySliceAnsiSource],
    ].map(([file, patch]) => [realpathSync(join(projectRoot, 'node_modules', file)), patch]);
    b.onLoad({ filter: /[\\/](?:ansi-tokenize[\\/]build[\\/]tokenize|slice-ansi[\\/]tokenize-ansi)\.js$/ }, (args) => {
      const patch = patches.find(([file]) => file === realpathSync(args.path));
      return patch ? { contents: patch[1](readFileSync(patch[0], 'utf8')), loader: 'js', resolveDir: dirname(patch[0]) } : undefined;
    });
  },
};

/** yoga-layout's module as the full program bundles it: see fastYogaWasm. Throws when it no longer reads as expected. */
export function fastYogaWasmSource(source) {
  const from = 'var b=xa(a.slice(37)),c=new Uint8Array(b.length);for(a=0;a<b.length;++a)c[a]=b.charCodeAt(a);var d=c}';
  if (source.split(from).length !== 2) throw new Error('yoga-layout: its base64 decoding not found once; see fastYogaWasm in scripts/bundle.mjs');
  return source.replace(from, () => 'var d=new Uint8Array(Buffer.from(a.slice(37),"base64"))}');
}

/**
 * yoga-layout, Ink's layout engine, carries its WebAssembly as base64 and decodes it with atob
 * and a loop, a character at a time (5 ms here); Node's Buffer decodes the same bytes in a
 * tenth of that. The bytes are the same (a test decodes both ways).
 */
const fastYogaWasm = {
  name: 'fast-yoga-wasm',
  setup(b) {
    const file = realpathSync(join(projectRoot, 'node_modules', 'yoga-layout', 'dist', 'binaries', 'yoga-wasm-base64-esm.js'));
    b.onLoad({ filter: /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/ }, (args) =>
      realpathSync(args.path) === file ? { contents: fastYogaWasmSource(readFileSync(file, 'utf8')), loader: 'js', resolveDir: dirname(file) } : undefined,
    );
  },
};

/** Ink's reconciler.js as study's CommonJS build has it: see noTopLevelAwait. Throws when it no longer reads as expected. */
export function inkReconcilerSource(source) {
  let text = source;
  const replace = (from, to) => (text = replacedOnce(text, from, to, "Ink's reconciler"));
  replace("        await import('./devtools.js');\n", '');
  replace('    ? await loadPackageJson()\n', '    ? { name: undefined, version: undefined }\n');
  return text;
}

/** yoga-layout's entry (dist/src/index.js) as study's CommonJS build has it: see noTopLevelAwait. Throws when it no longer reads as expected. */
export function yogaEntrySource(source) {
  return replacedOnce(
    source,
    'const Yoga = wrapAssembly(await loadYoga());',
    [
      'const Yoga = wrapAssembly(loadYogaAtOnce());',
      'function loadYogaAtOnce() {',
      '  const module = {',
      '    instantiateWasm(imports, ready, bytes) {',
      '      const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes()), imports);',
      '      ready(instance);',
      '      return instance.exports;',
      '    },',
      '  };',
      '  loadYoga(module);',
      "  if (!module.calledRun) throw new Error('yoga-layout did not start at once');",
      '  return module;',
      '}',
    ].join('\n'),
    'yoga-layout',
  );
}

/** yoga-layout's module as study's CommonJS build has it: fastYogaWasmSource, and its bytes handed to instantiateWasm (see noTopLevelAwait). */
export function yogaWasmAtOnceSource(source) {
  return replacedOnce(fastYogaWasmSource(source), 'if(h.instantiateWasm)try{return h.instantiateWasm(d,\na)}', 'if(h.instantiateWasm)try{return h.instantiateWasm(d,\na,wa)}', 'yoga-layout');
}

/**
 * Ink's reconciler awaits, as it loads, React DevTools when DEV=true (which the bundles leave
 * out: with DEV=true the session failed on the stub's missing initialize), and yoga-layout awaits
 * its WebAssembly: top-level awaits, which keep a build ESM. In study's CommonJS build the
 * reconciler loads without DevTools whatever DEV says, and yoga-layout compiles and starts its
 * WebAssembly at once, through Emscripten's own instantiateWasm hook, which is handed the same
 * bytes its asynchronous path instantiates (its module is then started, as the awaited promise
 * said: loadYogaAtOnce checks it).
 */
const noTopLevelAwait = {
  name: 'no-top-level-await',
  setup(b) {
    const patches = [
      [join('ink', 'build', 'reconciler.js'), inkReconcilerSource],
      [join('yoga-layout', 'dist', 'src', 'index.js'), yogaEntrySource],
      [join('yoga-layout', 'dist', 'binaries', 'yoga-wasm-base64-esm.js'), yogaWasmAtOnceSource],
    ].map(([file, patch]) => [realpathSync(join(projectRoot, 'node_modules', file)), patch]);
    b.onLoad({ filter: /[\\/](?:ink[\\/]build[\\/]reconciler|yoga-layout[\\/]dist[\\/](?:src[\\/]index|binaries[\\/]yoga-wasm-base64-esm))\.js$/ }, (args) => {
      const patch = patches.find(([file]) => file === realpathSync(args.path));
      return patch ? { contents: patch[1](readFileSync(patch[0], 'utf8')), loader: 'js', resolveDir: dirname(patch[0]) } : undefined;
    });
  },
};

/** The fields markdown-it's Token sets as it is made, in order, with their first values. */
const TOKEN_FIELDS = [['map', 'null'], ['level', '0'], ['children', 'null'], ['content', '""'], ['markup', '""'], ['info', '""'], ['block', 'false'], ['hidden', 'false']];

/** markdown-it's module as the full program bundles it: see fastMarkdownIt. Throws when it no longer reads as expected. */
export function fastMarkdownItSource(source) {
  const fail = (what) => {
    throw new Error(`markdown-it: ${what}; see fastMarkdownIt in scripts/bundle.mjs`);
  };
  // The helper its build wraps every class field in: a string key needs no conversion.
  const helper = '\treturn (r = toPropertyKey(r)) in e ? Object.defineProperty(e, r, {';
  if (source.split(helper).length !== 2) fail('the _defineProperty helper not found once');
  let text = source.replace(helper, () => '\treturn (r = typeof r === "string" ? r : toPropertyKey(r)) in e ? Object.defineProperty(e, r, {');
  // Token's fields, set by plain assignments: no property of its class (or Object's) has their
  // names, so the helper assigned them just so, slowly, for every token.
  const open = 'var Token = class {\n\tconstructor(type, tag, nesting) {\n';
  const close = '\t\tthis.type = type;\n\t\tthis.tag = tag;\n\t\tthis.attrs = null;\n\t\tthis.nesting = nesting;\n\t\tthis.meta = null;\n\t}\n';
  const start = text.indexOf(open);
  const end = text.indexOf(close, start);
  if (start < 0 || end < 0 || text.split(open).length !== 2) fail("Token's constructor not found");
  const fields = [...text.slice(start + open.length, end).matchAll(/\t\t_defineProperty\(\s*this,\s*(?:\/\*\*[\s\S]*?\*\/\s*)?"(\w+)",\s*([^\s,()]+)\s*\);\n/g)];
  if (fields.map((m) => m[0]).join('') !== text.slice(start + open.length, end)) fail("Token's constructor holds more than its fields");
  if (JSON.stringify(fields.map((m) => [m[1], m[2]])) !== JSON.stringify(TOKEN_FIELDS)) fail("Token's fields are not those expected");
  const methods = text.slice(end + close.length, text.indexOf('\n};\n', end));
  if (TOKEN_FIELDS.some(([name]) => new RegExp(`^\\t${name}\\(`, 'm').test(methods))) fail('a Token method has a field\'s name');
  const assignments = TOKEN_FIELDS.map(([name, value]) => `\t\tthis.${name} = ${value};\n`).join('');
  return text.slice(0, start + open.length) + assignments + text.slice(end);
}

/**
 * markdown-it's build sets every class field through a generic helper (Object.defineProperty
 * semantics, converting each key): for the headings bench notes, a tenth of markdown-it's time,
 * most of it in Token, made once per token. In the bundle the helper takes string keys as they
 * are, and Token sets its fields by plain assignment; nothing else changes. Any other file of
 * markdown-it loaded, or its source no longer as expected, fails the build.
 */
const fastMarkdownIt = {
  name: 'fast-markdown-it',
  setup(b) {
    const file = realpathSync(join(projectRoot, 'node_modules', 'markdown-it', 'dist', 'markdown-it.mjs'));
    b.onLoad({ filter: /[\\/]markdown-it[\\/](?:dist|lib|index)/ }, (args) => {
      if (realpathSync(args.path) !== file) throw new Error(`markdown-it: ${args.path} bundled, not dist/markdown-it.mjs; see fastMarkdownIt in scripts/bundle.mjs`);
      return { contents: fastMarkdownItSource(readFileSync(file, 'utf8')), loader: 'js', resolveDir: dirname(file) };
    });
  },
};

/**
 * In generate's own build: markdown-it, and the packages it brings (some 280 KB of the file),
 * left out of dist/generate.js and required from dist/markdown-it.js (its own build, below)
 * the first time a Markdown deck is read (src/notes/markdown.ts makes its parser when first
 * asked). A plain deck, the usual one an edit is rebuilt for, then leaves Node nothing of it
 * to parse: generate's build went from 724 to 514 KB, and loading it took 5-6 ms less CPU.
 */
const markdownItApart = {
  name: 'markdown-it-apart',
  setup(b) {
    b.onResolve({ filter: /^markdown-it$/ }, () => ({ path: 'markdown-it', namespace: 'markdown-it-apart' }));
    b.onResolve({ filter: /^\.\/markdown-it\.js$/, namespace: 'markdown-it-apart' }, (args) => ({ path: args.path, external: true }));
    b.onLoad({ filter: /^markdown-it$/, namespace: 'markdown-it-apart' }, () => ({
      contents: "let loaded = null;\nexport default function MarkdownIt(...args) {\n  loaded ??= require('./markdown-it.js').default;\n  return loaded(...args);\n}\n",
      loader: 'js',
    }));
  },
};

/** esbuild options for the builds written to `outdir`: [the bin, the full program, study's own, stats' own, generate's own, markdown-it for generate's own]. */
export function bundleOptions(outdir, { version } = {}) {
  const bin = {
    ...shared(outdir, version),
    entryPoints: { paperdeck: 'src/cli/main.ts' },
    format: 'cjs',
    plugins: [binImports],
    // paths.ts finds the project root from its own file's URL. Injected rather than put in the
    // banner, which would go before esbuild's "use strict" and leave the bin in sloppy mode.
    inject: ['scripts/bin-import-meta-url.js'],
    define: { ...shared(outdir, version).define, 'import.meta.url': 'importMetaUrl' },
    banner: { js: '#!/usr/bin/env node' },
  };
  const full = {
    ...shared(outdir, version),
    entryPoints: { program: 'src/cli/program.ts' },
    format: 'esm',
    splitting: true,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    // Ink imports react-devtools-core only when DEV is set: a stub keeps it out of the bundle.
    alias: { 'react-devtools-core': './src/ui/devtools-stub.ts' },
    plugins: [lazyStringWidth, lazyWrapAnsiStringWidth, fastAnsiTokenize, fastYogaWasm, fastMarkdownIt],
    // A native module: loaded from node_modules at run time, by `optimize` alone
    // (src/optimize/binding.ts).
    external: ['@open-spaced-repetition/binding-linux-x64-gnu'],
    banner: {
      // Some bundled CommonJS packages call require() for Node's own modules; give the ESM
      // bundle's files one.
      js: "import { createRequire as __pdCreateRequire } from 'node:module';\nconst require = __pdCreateRequire(import.meta.url);",
    },
  };
  // A command's own build, everything it may load in one file. A session's start-up loads some
  // thirty of the full program's chunks, and each ESM module costs Node its own resolve, read,
  // compile and link: one file started about 30 ms of CPU sooner, for a larger file (its
  // dynamic imports, `e`'s generator among them, are inlined, made ready only when called).
  const oneFile = {
    ...full,
    splitting: false,
    chunkNames: undefined,
  };
  // One file, CommonJS as the bin that loads it (binImports), with the bin's injected
  // import.meta.url: what study.js and generate.js are.
  const oneCommonJsFile = {
    ...oneFile,
    format: 'cjs',
    outExtension: undefined,
    banner: undefined,
    inject: bin.inject,
    define: bin.define,
  };
  // study.js: `study` in its plain forms (src/cli/study-program.ts), in one file, CommonJS as
  // the bin that loads it from its code cache (binImports): the ESM study.mjs it was spent some
  // 80 ms of CPU here in Node's ESM loader before its first card, decoding (UTF-8) and parsing
  // its 2 MB whole, which a code cache skips. Ink's and yoga-layout's top-level awaits, which
  // CommonJS cannot have, are made synchronous (noTopLevelAwait).
  const study = {
    ...oneCommonJsFile,
    entryPoints: { study: 'src/cli/study-program.ts' },
    plugins: [noTopLevelAwait, ...full.plugins.filter((plugin) => plugin !== fastYogaWasm)],
  };
  // stats.mjs: `stats` in its plain forms (src/cli/stats-program.ts), in one ESM file, without
  // the card generator (a deck that needs it goes to the full program).
  const stats = {
    ...oneFile,
    entryPoints: { stats: 'src/cli/stats-program.ts' },
    plugins: [...full.plugins, statsImports],
  };
  // generate.js: `generate` in its plain forms when a deck needs building (src/cli/generate-program.ts),
  // in one file, CommonJS as study's: it has no top-level await.
  const generate = {
    ...oneCommonJsFile,
    entryPoints: { generate: 'src/cli/generate-program.ts' },
    plugins: [markdownItApart, ...full.plugins],
  };
  // dist/markdown-it.js: markdown-it as the full program bundles it (fastMarkdownIt), for
  // generate.js to require (markdownItApart).
  const markdownIt = {
    ...shared(outdir, version),
    entryPoints: { 'markdown-it': 'scripts/markdown-it-entry.js' },
    format: 'cjs',
    plugins: [fastMarkdownIt],
  };
  return [bin, full, study, stats, generate, markdownIt];
}

/**
 * `text` (esbuild's output) with every character beyond ASCII written as a \\u escape. esbuild
 * escapes them in strings, templates and names, but leaves them in regular expression literals
 * and comments, the only places they are left in: a bundle is read by Node as UTF-8, and one
 * such character makes all of it a two-byte string, slower to decode and to parse (the study build, ESM then,
 * loaded in 230 ms of CPU here, 150 ms as ASCII). In a pattern, with or without the u or v
 * flag, \\uXXXX matches what the character matched (and a surrogate pair, one character beyond
 * the BMP); one written escaped (`\\–`, an identity escape) loses its backslash first.
 */
export function asciiOnlySource(text) {
  return text.replace(/(\\*)([^\x00-\x7f])/gu, (_, slashes, char) => {
    const units = Array.from({ length: char.length }, (_, i) => char.charCodeAt(i));
    const lead = slashes.length % 2 === 1 ? slashes.slice(1) : slashes;
    return lead + units.map((unit) => `\\u${unit.toString(16).padStart(4, '0')}`).join('');
  });
}

/**
 * Writes the builds into `outdir`, each file ASCII only (asciiOnlySource), and the code caches of
 * generate's and study's (writeGeneratorCodeCache, writeStudyCodeCache). Returns each build's
 * esbuild metafile, in bundleOptions' order: the tests' bundle-graph checks read the graph of the
 * very builds they run.
 */
export async function bundle(outdir, options) {
  const results = await Promise.all(bundleOptions(outdir, options).map((o) => build({ ...o, write: false, metafile: true })));
  for (const file of results.flatMap((result) => result.outputFiles)) {
    mkdirSync(dirname(file.path), { recursive: true });
    writeFileSync(file.path, asciiOnlySource(file.text));
  }
  // The project is "type": "module"; this marks dist/*.js (the bin) as CommonJS.
  writeFileSync(join(outdir, 'package.json'), '{ "type": "commonjs" }\n');
  writeGeneratorCodeCache(outdir);
  // Only a speed-up: where no pseudo-terminal can be had (node-pty not installed or not built for
  // this machine), study compiles its build from source, and the build goes on.
  await writeStudyCodeCache(outdir).catch((error) => console.warn(`paperdeck build: no code cache for study (${error instanceof Error ? error.message.split('\n')[0] : error}); it starts a little slower`));
  return results.map((result) => result.metafile);
}

/**
 * Makes `outdir`'s generate.code-cache (scripts/generate-loader.js): runs the bin just built on
 * the bundled deck, in a folder of its own, to build it, then to rebuild it after an edit of one
 * note, as a user's edit is rebuilt, with PAPERDECK_WRITE_CODE_CACHE set: the cache then holds
 * generate.js as compiled, and each function that rebuild ran. The deck has a folder in the
 * state, as a deck studied once has, and its notes were saved a while before each run, so that
 * the rebuild leaves a due index as it does for a user (from the one the build left).
 */
function writeGeneratorCodeCache(outdir) {
  const work = mkdtempSync(join(tmpdir(), 'paperdeck-code-cache-'));
  try {
    const notes = readFileSync(join(projectRoot, 'decks', 'iclr2017', 'notes.txt'), 'utf8');
    const notesFile = join(work, 'decks', 'papers', 'notes.txt');
    mkdirSync(dirname(notesFile), { recursive: true });
    mkdirSync(join(work, 'state', 'decks', 'papers'), { recursive: true });
    const save = (text) => {
      writeFileSync(notesFile, text);
      const aMinuteAgo = new Date(Date.now() - 60_000);
      utimesSync(notesFile, aMinuteAgo, aMinuteAgo);
    };
    save(notes);
    const generate = (env) => {
      const run = spawnSync(process.execPath, [join(outdir, 'paperdeck.js'), 'generate', '--decks', join(work, 'decks'), '--state', join(work, 'state')], {
        env: { ...process.env, ...env },
        encoding: 'utf8',
      });
      if (run.status !== 0) throw new Error(`making generate's code cache: generate failed: ${run.stderr}`);
    };
    generate({});
    // One sentence of a paper's note, past the middle of the notes, edited.
    const lines = notes.split('\n');
    const line = lines.findIndex((text, i) => i > lines.length / 2 && text.length > 40 && !/^C\d+: /.test(text));
    lines[line] += ' Edited.';
    save(lines.join('\n'));
    generate({ PAPERDECK_WRITE_CODE_CACHE: '1' });
    if (!existsSync(join(outdir, CODE_CACHE_FILE))) throw new Error(`making generate's code cache: no ${CODE_CACHE_FILE} was written`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** ESC sequences (CSI, OSC, two-byte): what is left of a terminal's output is the text on screen. */
// eslint-disable-next-line no-control-regex
const ESCAPES = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[()][0-9A-Za-z]|\u001b[=>78DEHMc]/g;

/**
 * Makes `outdir`'s study.code-cache (scripts/generate-loader.js): in a folder of its own, the bin
 * just built builds the bundled deck, then studies it twice in a pseudo-terminal (Ink draws only
 * to a terminal), each session quit at its first card: the first leaves the due index a session
 * leaves, the second, with PAPERDECK_WRITE_CODE_CACHE set, starts from it as a user's next session
 * does and saves the cache: study.js as compiled, and each function that session ran.
 */
async function writeStudyCodeCache(outdir) {
  const { spawn } = await import('@lydell/node-pty');
  const work = mkdtempSync(join(tmpdir(), 'paperdeck-code-cache-'));
  try {
    mkdirSync(join(work, 'decks', 'papers'), { recursive: true });
    writeFileSync(join(work, 'decks', 'papers', 'notes.txt'), readFileSync(join(projectRoot, 'decks', 'iclr2017', 'notes.txt')));
    const args = [join(outdir, 'paperdeck.js'), '--decks', join(work, 'decks'), '--state', join(work, 'state')];
    const generate = spawnSync(process.execPath, [args[0], 'generate', ...args.slice(1)], { encoding: 'utf8' });
    if (generate.status !== 0) throw new Error(`making study's code cache: generate failed: ${generate.stderr}`);
    const study = (env) =>
      new Promise((resolve, reject) => {
        const env_ = { ...process.env, TERM: 'xterm-256color', ...env };
        for (const key of Object.keys(env_)) if (key === 'CI' || key.startsWith('CI_')) delete env_[key]; // Ink draws only its last frame under CI
        let screen = '';
        let quit = false;
        const pty = spawn(process.execPath, [args[0], 'study', 'papers', ...args.slice(1)], { name: 'xterm-256color', cols: 80, rows: 24, cwd: work, env: env_ });
        const timer = setTimeout(() => pty.kill(), 60_000);
        pty.onData((data) => {
          screen += data;
          if (!quit && screen.replace(ESCAPES, '').includes('show answer')) {
            quit = true;
            pty.write('q');
          }
        });
        pty.onExit(({ exitCode }) => {
          clearTimeout(timer);
          if (quit && exitCode === 0) resolve();
          else reject(new Error(`making study's code cache: study showed no card (exit ${exitCode}):\n${screen.replace(ESCAPES, '').slice(-2000)}`));
        });
      });
    await study({});
    await study({ PAPERDECK_WRITE_CODE_CACHE: '1' });
    const cache = codeCacheFileOf(STUDY_FILE);
    if (!existsSync(join(outdir, cache))) throw new Error(`making study's code cache: no ${cache} was written`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
