import type { BuildOptions, Metafile } from 'esbuild';
export const projectRoot: string;
/** [the bin (CommonJS, the quick path), the full program (ESM, split), study's own (CommonJS, one file), stats' own (ESM, one file), generate's own (CommonJS, one file), markdown-it for generate's own (CommonJS)]. */
export function bundleOptions(outdir: string, options?: { version?: string }): [BuildOptions, BuildOptions, BuildOptions, BuildOptions, BuildOptions, BuildOptions];
/** Writes the builds into `outdir`, and generate's and study's code caches, made by running the bin just built; returns each build's metafile, in bundleOptions' order. */
export function bundle(outdir: string, options?: { version?: string }): Promise<Metafile[]>;
/** The pattern of src/core/text.ts NARROW_CHARACTERS, as the bundle's string-width uses it. */
export const NARROW_CHARACTERS_SOURCE: string;
/** string-width's index.js as the full program bundles it (emoji pattern and segmenter made on first need). */
export function lazyStringWidthSource(source: string): string;
/** markdown-it's dist/markdown-it.mjs as the full program bundles it (Token's fields set by plain assignment). */
export function fastMarkdownItSource(source: string): string;
/** wrap-ansi's own string-width (7) as the full program bundles it (segmenter and property pattern made on first use). */
export function lazyOlderStringWidthSource(source: string): string;
/** yoga-layout's base64 WebAssembly module as the full program bundles it (decoded by Buffer). */
export function fastYogaWasmSource(source: string): string;
/** A built file with every character beyond ASCII written as a \u escape (each bundle is written so). */
export function asciiOnlySource(text: string): string;
/** The characters each a grapheme cluster of its own (the controls but CR, and NARROW_CHARACTERS). */
export const SINGLE_GRAPHEME_CHARACTERS_SOURCE: string;
/** @alcalzone/ansi-tokenize's build/tokenize.js as the bundles have it (texts of SINGLE_GRAPHEME_CHARACTERS split by hand, the segmenter made on first need). */
export function fastAnsiTokenizeSource(source: string): string;
/** slice-ansi's tokenize-ansi.js as the bundles have it (its segmenter made on first need). */
export function lazySliceAnsiSource(source: string): string;
/** Ink's build/reconciler.js as study's CommonJS build has it (no top-level await: DevTools left out). */
export function inkReconcilerSource(source: string): string;
/** yoga-layout's dist/src/index.js as study's CommonJS build has it (its WebAssembly started at once). */
export function yogaEntrySource(source: string): string;
/** yoga-layout's base64 WebAssembly module as study's CommonJS build has it (fastYogaWasmSource, its bytes handed to instantiateWasm). */
export function yogaWasmAtOnceSource(source: string): string;
