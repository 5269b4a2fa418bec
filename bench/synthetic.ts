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

/** The bundled deck's papers (title and note), to dress in every shape notes come in. */
function bundledEntries(sourceNotes: string): { title: string; body: string }[] {
  return [...sourceNotes.matchAll(/^C\d+: (.+)\n\n([\s\S]*?)(?=\n+C\d+[,:]|\n+\w+ (?:morning|afternoon):?\n|$)/gm)].map((m) => ({
    title: m[1]!.trim(),
    body: m[2]!.trim().replace(/\n+/g, ' '),
  }));
}

export type SyntheticShape = 'headings' | 'bold titles' | 'link lines' | 'list items' | 'table rows' | 'org';

/**
 * `papers` papers of the bundled deck's notes written in one shape, with distinct titles: the
 * way people write them (day headings and Key Points/Thoughts parts, authors after bold titles,
 * emoji before links, a week column), so that the reader does all its work.
 */
export function syntheticShapeNotes(shape: SyntheticShape, papers: number, sourceNotes: string): string {
  const entries = bundledEntries(sourceNotes);
  const out: string[] = [];
  const paper = (i: number) => {
    const entry = entries[i % entries.length]!;
    return { title: `${entry.title} (study ${i + 1})`, body: entry.body, url: `https://arxiv.org/abs/3001.${String(i).padStart(5, '0')}` };
  };
  if (shape === 'table rows') out.push('| Week | Paper | Summary | Thoughts |', '|---|---|---|---|');
  for (let i = 0; i < papers; i++) {
    const { title, body, url } = paper(i);
    const group = i % 40 === 0 ? `Day ${Math.floor(i / 40) + 1}` : null;
    switch (shape) {
      case 'headings':
        if (group) out.push(`## ${group}`, '');
        out.push(`### ${title} **`, '_Ada Lovelace, Alan Turing_', '', body, '', '#### Key Points', `- ${body.slice(0, 80)}`, '', '#### Thoughts', 'Nice poster.', '');
        break;
      case 'bold titles':
        if (group) out.push(`## ${group} posters`, '');
        out.push(`**${title}** Ada Lovelace, Alan Turing`, body, '');
        break;
      case 'link lines':
        if (group) out.push(`## ${group}`, '');
        out.push(`📝 [${title}](${url})`, `> ${body}`, '');
        break;
      case 'list items':
        if (group) out.push('', `## ${group}`, '');
        out.push(`- **${title}**: ${body}`);
        break;
      case 'table rows':
        out.push(`| Week ${Math.floor(i / 40) + 1} | [${title}](${url}) | ${body.replace(/\|/g, '/')} | Read again |`);
        break;
      case 'org':
        if (group) out.push(`* ${group}`);
        out.push(`** DONE ${title}    :paper:`, '   :PROPERTIES:', '   :YEAR: 2030', '   :END:', `   ${body}`, '*** My notes', '    Worth a second read.');
        break;
    }
  }
  return out.join('\n') + '\n';
}

/** One file per paper, for a folder deck: `papers` files named after their titles. */
export function syntheticPaperFiles(papers: number, sourceNotes: string): { name: string; text: string }[] {
  const entries = bundledEntries(sourceNotes);
  return Array.from({ length: papers }, (_, i) => {
    const entry = entries[i % entries.length]!;
    return { name: `paper-${String(i).padStart(5, '0')}.md`, text: `# ${entry.title} (study ${i + 1})\n\n## Summary\n${entry.body}\n\n## Thoughts\nRead it twice.\n` };
  });
}
