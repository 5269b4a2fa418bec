// A deck's cards written out for other tools: Anki's text import format (with the file headers
// Anki 2.1.54 and later read), CSV, and JSON. Pure: the command writes the text where asked.
//
// Anki: one note a line, tab-separated, in this order: the GUID, Front, Back, Tags. The GUID is
// the card's stable paperdeck id (with the deck's name before it), so importing the file again
// after the notes changed updates the same Anki notes in place and keeps their scheduling. Fields
// are HTML (`#html:true`): &, < and > are escaped, a line break is <br>, and a field holding a tab
// or a double quote is quoted with its quotes doubled, as Anki's reader expects.
import type { Card } from '../core/types.js';

export const EXPORT_FORMATS = ['anki', 'csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The GUID Anki keeps for the card's note: the deck's name and the card's stable id. */
export function ankiGuid(deck: string, card: Card): string {
  return `paperdeck:${deck}:${card.id}`;
}

/** An Anki tag: no spaces (they separate tags), nothing Anki reads as markup. */
export function ankiTag(text: string): string {
  return text
    .trim()
    .replace(/\s+/g, '_')
    .replace(/["'<>&\\]/g, '');
}

function html(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r?\n/g, '<br>');
}

/** A field of a tab-separated line: quoted (its quotes doubled) when it holds a tab, a quote or a line break. */
function field(text: string): string {
  return /[\t"\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Where the card came from, as the back's last line: "Monday morning · notes.txt:7". */
function sourceLine(card: Card): string {
  const where = `${card.source.file ?? ''}:${card.source.line}`;
  return card.source.session ? `${card.source.session} · ${where}` : where;
}

export function ankiText(deck: string, cards: readonly Card[]): string {
  const lines = [
    '#separator:tab',
    '#html:true',
    '#notetype:Basic',
    `#deck:${deck}`,
    '#columns:GUID\tFront\tBack\tTags',
    '#guid column:1',
    '#tags column:4',
  ];
  for (const card of cards) {
    const back = `${html(card.answer)}<br><br><small>${html(sourceLine(card))}</small>`;
    const tags = ['paperdeck', ankiTag(deck), card.source.session ? ankiTag(card.source.session) : ''].filter(Boolean).join(' ');
    lines.push([ankiGuid(deck, card), html(card.question), back, tags].map(field).join('\t'));
  }
  return lines.join('\n') + '\n';
}

/** A CSV field (RFC 4180's quoting): quoted when it holds a comma, a quote or a line break. */
function csvField(value: string | number): string {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvText(deck: string, cards: readonly Card[]): string {
  const rows = [['id', 'deck', 'title', 'answer', 'session', 'file', 'line']];
  for (const card of cards) rows.push([card.id, deck, card.title, card.answer, card.source.session, card.source.file ?? '', String(card.source.line)]);
  // Lines end in \n, not RFC 4180's \r\n: the same text on stdout (which passes no control
  // character) as in a file, and every CSV reader takes it.
  return rows.map((row) => row.map(csvField).join(',')).join('\n') + '\n';
}

export function jsonText(deck: string, cards: readonly Card[]): string {
  const exported = cards.map(({ id, title, question, answer, source }) => ({ id, title, question, answer, source }));
  return JSON.stringify({ deck, cards: exported }, null, 2) + '\n';
}

export function exportText(format: ExportFormat, deck: string, cards: readonly Card[]): string {
  switch (format) {
    case 'anki':
      return ankiText(deck, cards);
    case 'csv':
      return csvText(deck, cards);
    case 'json':
      return jsonText(deck, cards);
  }
}
