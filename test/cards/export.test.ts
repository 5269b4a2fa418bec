// The export formats, as files other tools read: Anki's text import (its file headers, one note
// a line, escaped fields), CSV and JSON.
import { describe, expect, it } from 'vitest';
import { ankiText, csvText, jsonText } from '../../src/cards/export.js';
import type { Card } from '../../src/core/types.js';

function card(id: string, title: string, answer: string, session = 'Monday morning'): Card {
  return { id, title, question: title, answer, source: { file: 'notes.txt', line: 7, session, code: 'C1' }, bodyHash: id };
}

const CARDS = [
  card('attention-a1b2c3', 'Attention <Is> All You Need', 'Self-attention & no recurrence.'),
  card('tabs-d4e5f6', 'A "quoted"\ttitle', 'Line one\nline two, with a comma', ''),
];

describe("Anki's text import format", () => {
  const lines = ankiText('neurips 2017', CARDS).split('\n');

  it('starts with the file headers Anki reads, separator first', () => {
    expect(lines.slice(0, 7)).toEqual([
      '#separator:tab',
      '#html:true',
      '#notetype:Basic',
      '#deck:neurips 2017',
      '#columns:GUID\tFront\tBack\tTags',
      '#guid column:1',
      '#tags column:4',
    ]);
  });

  it('writes one note a line: a stable GUID, the title, the answer with its source, tags', () => {
    expect(lines[7]!.split('\t')).toEqual([
      'paperdeck:neurips 2017:attention-a1b2c3',
      'Attention &lt;Is&gt; All You Need',
      'Self-attention &amp; no recurrence.<br><br><small>Monday morning · notes.txt:7</small>',
      'paperdeck neurips_2017 Monday_morning',
    ]);
    expect(lines).toHaveLength(7 + CARDS.length + 1);
    expect(lines.at(-1)).toBe('');
  });

  it('quotes a field holding a tab or a quote, and writes line breaks as <br>', () => {
    expect(lines[8]).toBe('paperdeck:neurips 2017:tabs-d4e5f6\t"A ""quoted""\ttitle"\tLine one<br>line two, with a comma<br><br><small>notes.txt:7</small>\tpaperdeck neurips_2017');
  });
});

describe('CSV and JSON', () => {
  it('writes CSV with a header row, quoting as RFC 4180 does', () => {
    expect(csvText('d', CARDS)).toBe(
      'id,deck,title,answer,session,file,line\n' +
        'attention-a1b2c3,d,Attention <Is> All You Need,Self-attention & no recurrence.,Monday morning,notes.txt,7\n' +
        'tabs-d4e5f6,d,"A ""quoted""\ttitle","Line one\nline two, with a comma",,notes.txt,7\n',
    );
  });

  it('writes JSON with each card whole', () => {
    const doc = JSON.parse(jsonText('d', CARDS));
    expect(doc.deck).toBe('d');
    expect(doc.cards[1]).toEqual({ id: 'tabs-d4e5f6', title: 'A "quoted"\ttitle', question: 'A "quoted"\ttitle', answer: 'Line one\nline two, with a comma', source: CARDS[1]!.source });
  });
});
