import type { BuildOptions } from 'esbuild';
export const projectRoot: string;
export function bundleOptions(outdir: string, options?: { version?: string }): BuildOptions;
export function bundle(outdir: string, options?: { version?: string }): Promise<void>;
