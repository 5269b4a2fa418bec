// The paperdeck command line. `paperdeck due` in its plain forms takes the quick path
// (quick.ts) and runs from this file's bundle alone; everything else, help and usage errors
// included, goes to the full program (program.ts: commander and every command), loaded only
// then; `study` in its plain forms goes to the full program's study alone (study-program.ts,
// without commander), and `stats` to its own build (stats-program.ts). In the full program a command's code loads only when it runs, so `cards` and `stats`
// never load Ink or React. The bin is one file, without the card generator: a deck whose notes
// changed since cards.json was built is handed over to the full program (hand-over.ts).
import { runInvocation } from './dispatch.js';
import { handleOutputErrors, handleStderrErrorsOnFirstUse, reportFailure } from './failure.js';
import { HandOverToFullProgram } from './hand-over.js';
import { QUICK_COMMAND_MODULES, quickInvocation, statsInvocation, studyInvocation } from './quick.js';

async function main(argv: string[]): Promise<void> {
  handleOutputErrors(process.stdout, 'stdout');
  // stderr is made only if something is written there (a `due --json` writes nothing).
  handleStderrErrorsOnFirstUse();
  const runFullProgram = async () => (await import('./program.js')).runProgram(argv);
  const quick = quickInvocation(argv.slice(2));
  if (!quick) {
    // `study` in a plain form: the full program's study alone, without commander.
    const study = studyInvocation(argv.slice(2));
    if (study) return (await import('./study-program.js')).runStudy(study);
    // `stats` in a plain form: its own build, which hands over to the full program what it cannot read.
    const stats = statsInvocation(argv.slice(2));
    if (stats) return (await import('./stats-program.js')).runStats(stats, argv);
    return runFullProgram();
  }
  try {
    await runInvocation(quick, QUICK_COMMAND_MODULES);
  } catch (error) {
    // A deck that needs the card generator, which the bin leaves out (hand-over.ts): `generate`
    // goes to its own build, which has it, the other commands to the full program.
    if (!(error instanceof HandOverToFullProgram)) throw error;
    if (quick.command === 'generate') return (await import('./generate-program.js')).runGenerate(quick);
    await runFullProgram();
  }
}

// Not a top-level await: this file is bundled as CommonJS (see scripts/bundle.mjs).
main(process.argv).catch(reportFailure);
