// The full program bundles markdown-it with its Token made by plain assignments
// (scripts/bundle.mjs, fastMarkdownIt): it must read every text into the same tokens.
import { readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { fastMarkdownItSource, projectRoot } from '../../scripts/bundle.mjs';
import { loadPatchedModule } from '../helpers/patched-module.js';

async function bundledMarkdownIt(): Promise<typeof MarkdownIt> {
  const file = realpathSync(join(projectRoot, 'node_modules', 'markdown-it', 'dist', 'markdown-it.mjs'));
  return loadPatchedModule<typeof MarkdownIt>(fastMarkdownItSource(readFileSync(file, 'utf8')), dirname(file));
}

describe('markdown-it as the full program bundles it', () => {
  it('reads notes into the tokens markdown-it gives', async () => {
    const Bundled = await bundledMarkdownIt();
    const notes = [
      readFileSync(join(projectRoot, 'decks', 'iclr2017', 'notes.txt'), 'utf8'),
      '# Day 1\n\n## **Title** [pdf](https://arxiv.org/abs/1)\n_Ada, Alan_\n\n- a *b* `c`\n  1. d\n\n> q\n\n| A | B |\n|---|---|\n| [x](y) | ~~z~~ |\n\n<a href="u">P</a> &amp; \\*\n\n```\ncode\n```\n',
    ];
    for (const text of notes) {
      const plain = MarkdownIt('default', { html: true });
      const patched = Bundled('default', { html: true });
      expect(JSON.stringify(patched.parse(text, {}))).toBe(JSON.stringify(plain.parse(text, {})));
      expect(patched.render(text)).toBe(plain.render(text));
    }
  });
});
