// A package's module as the full program bundles it (scripts/bundle.mjs patches some sources on
// the way in), built with esbuild and loaded from memory: what tests hold to the original.
import { build } from 'esbuild';

/** Bundles `source` (a patched module whose imports resolve from `resolveDir`) and returns its default export. */
export async function loadPatchedModule<T>(source: string, resolveDir: string): Promise<T> {
  const result = await build({ stdin: { contents: source, resolveDir, loader: 'js' }, bundle: true, format: 'esm', platform: 'node', write: false, logLevel: 'silent' });
  const code = result.outputFiles[0]!.text;
  return ((await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as { default: T }).default;
}
