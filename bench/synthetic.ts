// Large notes files for the benchmark and the scale tests: the bundled deck's papers, repeated
// with distinct titles and lightly varied bodies, in the bundled format.
import { readFileSync } from 'node:fs';
import type { Card } from '../src/core/types.js';

export function syntheticNotes(papers: number, sourceNotes: string): string {
  const entries = [...sourceNotes.matchAll(/^C\d+: (.+)\n\n([\s\S]*?)(?=\n+C\d+[,:]|\n+\w+ (?:morning|afternoon):?\n|$)/gm)].map(
    (m) => ({ title: m[1]!.trim(), body: m[2]!.trim() }),
  );
  if (entries.length === 0) throw new Error('no entries in the source notes');
  const out: string[] = ['# Synthetic notes', '', 'Generated for benchmarks.', ''];
  for (let i = 0; i < papers; i++) {
    if (i % 40 === 0) out.push(`Day ${Math.floor(i / 40) + 1} morning`, '');
    const entry = entries[i % entries.length]!;
    out.push(`C${(i % 40) + 1}: ${entry.title} (study ${i + 1})`, '', entry.body.replace(/\bpaper\b/, i % 2 ? 'work' : 'paper'), '');
  }
  return out.join('\n');
}

export function bundledNotes(root: string): string {
  return readFileSync(`${root}/decks/iclr2017/notes.txt`, 'utf8');
}

/** Card `card-<i>` of the benchmarks' 10,000-card deck (ids match the store benchmark's history). */
export function syntheticCard(i: number): Card {
  const title = `A paper on topic ${i}: what it proposes and why it matters`;
  return {
    id: `card-${i}`,
    title,
    question: title,
    answer: 'The key idea of the paper, in a sentence or two.',
    source: { file: 'notes.txt', line: 1 + i * 4, session: '', code: `C${i}` },
    bodyHash: String(i),
  };
}
