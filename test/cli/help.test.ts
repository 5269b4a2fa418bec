// `--help` at a terminal's width: lines broken between words, never inside one.
import { describe, expect, it } from 'vitest';
import type { Command } from 'commander';
import { buildProgram } from '../../src/cli/program.js';

function helpAt(width: number, pick: (program: Command) => Command = (program) => program): string {
  const program = buildProgram(async () => {});
  const command = pick(program);
  command.configureOutput({ getOutHelpWidth: () => width });
  return command.helpInformation();
}

describe('help at the width of the terminal', () => {
  it.each([80, 60])('breaks the top-level help between words at %i columns', (width) => {
    const text = helpAt(width);
    const lines = text.split('\n');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(width);
    // Every word of every description is whole on some line (at 80 columns, "pr" + "oject" were apart).
    const words = new Set(text.split(/\s+/));
    for (const word of ['project;', 'interactive', 'retrievability,', 'leeches)', 'PAPERDECK_STATE)']) expect(words).toContain(word);
    expect(text).toMatch(/\n {20,}\S/); // continuation lines are indented under the descriptions
  });

  it('breaks a command’s help between words too', () => {
    const text = helpAt(80, (program) => program.commands.find((command) => command.name() === 'unsuspend')!);
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('keeps every command’s whole help, its notes after the options too, within 80 columns', () => {
    const program = buildProgram(async () => {});
    for (const command of program.commands) {
      let text = '';
      command.configureOutput({ getOutHelpWidth: () => 80, writeOut: (chunk) => (text += chunk) });
      command.outputHelp();
      const wide = text.split('\n').filter((line) => line.length > 80);
      expect(wide, command.name()).toEqual([]);
    }
  });
});
