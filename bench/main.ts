// The benchmark suite behind `npm run bench`. Each section prints its figures beside bare
// `node -e 0`, the floor for any command.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchGenerate } from './generate.js';
import { ms, row, timeNode } from './measure.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'dist', 'paperdeck.js');

console.log(`paperdeck bench — node ${process.version}, ${new Date().toISOString()}`);
const nodeBaseline = timeNode(['-e', '0'], 10);
row('bare node -e 0 (median of 10)', ms(nodeBaseline));

benchGenerate(root, bin, nodeBaseline);
