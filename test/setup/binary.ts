// vitest global setup: bundle the CLI once for the whole run, and read its import graph (see
// test/helpers/binary.ts).
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildIsolatedBinary } from '../helpers/binary.js';

export default async function setup(project: TestProject) {
  const { binary, graph } = await buildIsolatedBinary();
  project.provide('paperdeckBinary', binary);
  project.provide('paperdeckBundleGraph', graph);
  return () => rmSync(dirname(dirname(binary)), { recursive: true, force: true });
}
