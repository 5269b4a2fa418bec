import type { Script } from 'node:vm';
export const GENERATOR_FILE: string;
export const CODE_CACHE_FILE: string;
/** dist/generate.js in `dir`, compiled, from its code cache when that is for this very file (`cached`: V8 took it). */
export function compileGenerator(dir: string): { script: Script; cached: boolean; made: string; file: string };
/** Loads dist/generate.js in `dir` as require would, through compileGenerator. */
export function loadGenerator(dir: string): unknown;
