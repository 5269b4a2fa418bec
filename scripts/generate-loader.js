// How the bin loads its CommonJS builds of a command, dist/generate.js and dist/study.js
// (scripts/bundle.mjs): compiled from V8's code cache the build made for each, dist/<name>.code-cache,
// when that cache is for exactly this file. Bundled into the bin; its tests load it as it is.
//
// A rebuild after an edit spent some 20 ms of its CPU compiling generate.js (520 KB) and the
// functions it ran; study, some 40 ms parsing study.js (2 MB) before its first card. V8 can save
// what it compiled, bytecode and all, and take it back instead of compiling: the build runs the
// bin as a user does (generate: building a small deck, then rebuilding it after an edit of one
// note; study: a session to its first card, quit), and the last run saves the cache
// (PAPERDECK_WRITE_CODE_CACHE, writeCodeCacheAtExit). The cache's first line names the file it
// was made for, by size and modification time: any other file (a build left half copied, a hand
// edit) is compiled from its source as Node would, and so is the file under any other V8 or V8
// flags (V8 refuses the cache itself then). A cache taken is only compiled code for the same
// source: what runs is the same.
import { closeSync, fstatSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';

export const GENERATOR_FILE = 'generate.js';
export const CODE_CACHE_FILE = 'generate.code-cache';
export const STUDY_FILE = 'study.js';

/** The code cache made for build `name` (generate.js: generate.code-cache). */
export function codeCacheFileOf(name) {
  return name.replace(/\.js$/, '.code-cache');
}

/**
 * V8 compiles a regular expression twice: on its first match to bytecode, which it interprets,
 * and on its second to machine code. For the card generator's large patterns (cards/key-idea.ts,
 * cards/remarks.ts) the bytecode is the dearer of the two, and a rebuild after an edit, which
 * reads one or two notes, paid both for some 70 patterns: the edited note's key idea took 40-50
 * ms of CPU here, under 20 ms with each pattern compiled to machine code at once. With this
 * setting a pattern made after it is compiled so on its first match, as the full build's were
 * on their second anyway; it matches what it matched (only which of V8's two engines runs it
 * changes). Unlike --no-regexp-tier-up, which crashed when set at run time, it changes no
 * pattern already made: it only says when a new one tiers up. Set before generate.js is
 * compiled: its patterns are made as it runs, and V8 takes a code cache only under the flags
 * it was made under (so the build's run that makes it sets it here too).
 */
const COMPILE_PATTERNS_AT_ONCE = '--regexp-tier-up-ticks=0';

/** What the code cache's first line says of the file it was made for. */
function identity(fd) {
  const { size, mtimeMs } = fstatSync(fd);
  return JSON.stringify({ size, mtimeMs });
}

/** The source of the file open as `fd` (ASCII: every built file is). */
function readSource(fd) {
  const bytes = Buffer.allocUnsafe(fstatSync(fd).size);
  for (let at = 0; at < bytes.length; ) {
    const n = readSync(fd, bytes, at, bytes.length - at, at);
    if (n === 0) throw new Error('a build file ended early');
    at += n;
  }
  return bytes.latin1Slice(0, bytes.length);
}

/** The code cache `cacheFile` in `dir` for the file of identity `made`, or undefined (none, or for another file). */
function codeCacheFor(dir, cacheFile, made) {
  let bytes;
  try {
    bytes = readFileSync(join(dir, cacheFile));
  } catch {
    return undefined;
  }
  const newline = bytes.indexOf(10);
  if (newline < 0 || bytes.latin1Slice(0, newline) !== made) return undefined;
  return bytes.subarray(newline + 1);
}

/**
 * dist/generate.js in `dir`, compiled as Node compiles a CommonJS file, from its code cache when
 * that is for this very file: `script` to run, `cached` whether V8 took the cache, `made` the
 * file's identity (for a cache made of it).
 */
export function compileGenerator(dir) {
  setFlagsFromString(COMPILE_PATTERNS_AT_ONCE);
  return compileBuild(dir, GENERATOR_FILE);
}

/** Build `name` (a CommonJS file) in `dir`, compiled as compileGenerator says, from its own code cache when that is for it. */
export function compileBuild(dir, name) {
  const file = join(dir, name);
  const fd = openSync(file, 'r');
  let made;
  let source;
  try {
    made = identity(fd);
    source = readSource(fd);
  } finally {
    closeSync(fd);
  }
  const cacheFile = codeCacheFileOf(name);
  const cachedData = codeCacheFor(dir, cacheFile, made);
  const script = new Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n})`, { filename: file, cachedData });
  return { script, cached: cachedData !== undefined && !script.cachedDataRejected, made, file, cacheFile };
}

/** Loads dist/generate.js in `dir` (compileGenerator) and gives its exports, as require would. */
export function loadGenerator(dir) {
  return run(compileGenerator(dir), dir);
}

/** Loads dist/study.js in `dir` (compileBuild) and gives its exports, as require would. */
export function loadStudy(dir) {
  return run(compileBuild(dir, STUDY_FILE), dir);
}

/** Runs a compiled build as Node runs a CommonJS module, and gives its exports. */
function run({ script, made, file, cacheFile }, dir) {
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dir);
  if (process.env.PAPERDECK_WRITE_CODE_CACHE) writeCodeCacheAtExit(script, join(dir, cacheFile), made);
  return module.exports;
}

/**
 * For the build (scripts/bundle.mjs, which checks that it is there): when this process ends, the
 * code cache of what it compiled of the build, written to `cachePath`. (A failure is not the
 * command's: the build finds no cache.)
 */
function writeCodeCacheAtExit(script, cachePath, made) {
  process.on('exit', () => {
    try {
      writeFileSync(cachePath, Buffer.concat([Buffer.from(`${made}\n`, 'latin1'), script.createCachedData()]));
    } catch {
      // see above
    }
  });
}
