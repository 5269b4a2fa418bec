// Opening a note in the user's editor at the card's line. The screen has released the
// terminal before this runs; the editor gets it whole (stdio inherited) until it exits.
import { spawnSync } from 'node:child_process';
import { UserError } from '../core/errors.js';

/** $VISUAL, then $EDITOR, then vi, split into the program and its own arguments ("code -w"). */
export function editorCommand(env: NodeJS.ProcessEnv): string[] {
  const configured = (env.VISUAL || env.EDITOR || 'vi').trim();
  return configured.split(/\s+/).filter(Boolean);
}

/** Every common terminal editor (vi, vim, nvim, nano, emacs, micro, kak, helix) takes `+LINE FILE`. */
export function editorArguments(path: string, line: number): string[] {
  return [`+${Math.max(1, Math.floor(line))}`, path];
}

/**
 * Runs the editor and waits for it; throws a UserError when it cannot start. Its exit status is
 * not judged: an editor quit with an error (vim's :cq) may still have saved, and rebuilding the
 * deck from unchanged notes changes nothing.
 */
export function openInEditor(path: string, line: number, env: NodeJS.ProcessEnv = process.env): void {
  const [program, ...own] = editorCommand(env);
  const result = spawnSync(program!, [...own, ...editorArguments(path, line)], { stdio: 'inherit', env });
  if (result.error) {
    throw new UserError(`could not start the editor ${JSON.stringify(program)} ($EDITOR): ${result.error.message}`);
  }
}
