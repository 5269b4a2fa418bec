import type { BuildOptions } from 'esbuild';
export const projectRoot: string;
/** [the bin (CommonJS, the quick path), the full program (ESM, split)]. */
export function bundleOptions(outdir: string, options?: { version?: string }): [BuildOptions, BuildOptions];
export function bundle(outdir: string, options?: { version?: string }): Promise<void>;
