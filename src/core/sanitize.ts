// Text from notes is user data that ends up on a terminal. Escape sequences and control
// characters in it could move the cursor, change colours or retitle the window, so they are
// removed on the way in (and again on the way out, for text that came from elsewhere).

import { isUtf8 } from 'node:buffer';

// CSI, OSC, DCS/PM/APC strings and two-character escapes, in both 7-bit and 8-bit forms.
// A string's body stops at the first BEL, ESC or ST, so the match is linear: an unterminated
// one cannot send the regex back over the rest of a 20 MB file.
const ESCAPE_SEQUENCE =
  /\u001b\[[0-?]*[ -/]*[@-~]|\u009b[0-?]*[ -/]*[@-~]|\u001b[\]PX^_][^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)|[\u009d\u0090\u0098\u009e\u009f][^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)|\u001b[@-Z\\-_]?/g;
// C0 controls except tab and newline, DEL, C1 controls, and bidi overrides that reorder text.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Removes escape sequences and control characters; keeps tabs and newlines. */
export function stripControl(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(CONTROL, '');
}

/** One line for the terminal: no control characters, runs of whitespace folded to one space. */
export function toSafeLine(text: string): string {
  return stripControl(text).replace(/\s+/g, ' ').trim();
}

/** A colour or style (SGR) sequence, the one kind of escape paperdeck itself writes to stdout. */
const SGR = /\u001b\[[0-9;]*m/g;

/**
 * What the command line writes, cleaned at the last moment: every escape sequence and control
 * character is removed (tabs and newlines kept), except, when `keepColour`, the colour sequences,
 * which paperdeck's own coloured output is made of. Text from outside (paths typed on the command
 * line, file contents quoted in messages, titles in a hand-edited cards.json) then cannot retitle
 * the window or move the cursor whichever path it took to the terminal.
 */
export function cleanOutput(text: string, keepColour: boolean): string {
  if (!keepColour) return stripControl(text);
  let out = '';
  let last = 0;
  for (const match of text.matchAll(SGR)) {
    out += stripControl(text.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return out + stripControl(text.slice(last));
}

/** What JSON.stringify leaves raw that a terminal acts on: DEL, C1 controls, bidi overrides. */
const RAW_IN_JSON = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** JSON's text with what RAW_IN_JSON matches escaped as \u00XX, the data unchanged. */
function escapeRaw(json: string): string {
  return json.replace(RAW_IN_JSON, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** JSON.stringify(text) made safe on a terminal as safeJson makes it: one string's JSON in safeJson's text. */
export function safeJsonString(text: string): string {
  return escapeRaw(JSON.stringify(text));
}

/**
 * `value` as indented JSON that is safe on a terminal and still the data: JSON.stringify
 * escapes C0 controls (ESC among them) already, and the few others are escaped here as
 * \u00XX rather than removed, so a title with them reads back as it is in the notes. One
 * pass over a text with nothing to escape; stripControl's two would cost a 3 MB `cards --json`
 * more than its output.
 */
export function safeJson(value: unknown): string {
  return [...safeJsonPieces(value)].join('');
}

/**
 * A list whose items are made only as safeJsonPieces writes them, a run at a time, so that they
 * need not all be held at once (`cards --json`: 10,000 rows). JSON.stringify writes it whole,
 * as the list it stands for.
 */
export class JsonList<T> {
  constructor(
    readonly length: number,
    private readonly itemAt: (i: number) => T,
  ) {}

  /** Items `start` to `end` (not included), made now. */
  slice(start: number, end: number): T[] {
    const items: T[] = [];
    for (let i = start; i < Math.min(end, this.length); i++) items.push(this.itemAt(i));
    return items;
  }

  toJSON(): T[] {
    return this.slice(0, this.length);
  }
}

/** A list is stringified this many items at a time. */
const ITEMS_AT_ONCE = 256;

/**
 * safeJson's text in pieces, the same characters in all: a list at the top of the document,
 * or under a key of its top-level object, is stringified ITEMS_AT_ONCE items at a time, so
 * that `cards --json` on 10,000 cards never holds its 4 MB output as one string, nor encodes
 * it at once. Each piece is JSON.stringify's own text of a part of the document (never text
 * indented again by hand), so the whole is JSON.stringify(value, null, 2)'s. A JsonList in
 * either place is made a run at a time too.
 */
export function* safeJsonPieces(value: unknown): Generator<string> {
  if (value instanceof SafeJsonText) yield* value.pieces;
  else for (const piece of jsonPieces(value)) yield escapeRaw(piece);
  yield '\n';
}

/**
 * Where each string of a JSON list of `count` strings in `bytes` [from, to) starts, when the list
 * is laid out as JSON.stringify writes it (`["a","b"]`) and each string's text is already what
 * safeJsonString makes of the string it stands for: UTF-8, no escape but those JSON.stringify
 * writes (\" \\ \b \f \n \r \t and \u00XX below 0x20), nothing RAW_IN_JSON matches. Then the
 * strings' bytes can go into safeJson's text as they are, none of them decoded. count + 1
 * numbers: string k, quotes included, is bytes [starts[k], starts[k + 1] - 1). Null when the
 * list is not so (JSON.parse then says whether it is a list at all).
 */
export function rawJsonStrings(bytes: Uint8Array, from: number, to: number, count: number): Int32Array | null {
  if (to - from < 2 || bytes[from] !== 0x5b || bytes[to - 1] !== 0x5d || !isUtf8(bytes.subarray(from, to))) return null;
  const starts = new Int32Array(count + 1);
  let at = from + 1;
  const last = to - 1;
  for (let k = 0; k < count; k++) {
    starts[k] = at;
    if (bytes[at] !== 0x22) return null;
    at++;
    for (;;) {
      if (at >= last) return null;
      const b = bytes[at]!;
      if (b === 0x22) break;
      if (b < 0x20 || b === 0x7f) return null;
      if (b === 0x5c) {
        const next = bytes[at + 1]!;
        if (next === 0x22 || next === 0x5c || next === 0x62 || next === 0x66 || next === 0x6e || next === 0x72 || next === 0x74) at += 2;
        // \u00XX for a control character with no short escape: 00-07, 0b, 0e-1f (hex digits in lower case).
        else if (next === 0x75 && bytes[at + 2] === 0x30 && bytes[at + 3] === 0x30 && (bytes[at + 4] === 0x30 || bytes[at + 4] === 0x31) && isLowerHex(bytes[at + 5]!)) at += 6;
        else return null;
        continue;
      }
      // C1 controls (U+0080-009F), bidi overrides and isolates (U+202A-202E, U+2066-2069): escaped by escapeRaw.
      if (b === 0xc2 && bytes[at + 1]! >= 0x80 && bytes[at + 1]! <= 0x9f) return null;
      if (b === 0xe2 && ((bytes[at + 1] === 0x80 && bytes[at + 2]! >= 0xaa && bytes[at + 2]! <= 0xae) || (bytes[at + 1] === 0x81 && bytes[at + 2]! >= 0xa6 && bytes[at + 2]! <= 0xa9))) return null;
      at++;
    }
    at++;
    if (bytes[at] !== (k < count - 1 ? 0x2c : 0x5d)) return null;
    at++;
  }
  starts[count] = count === 0 ? to : at;
  return (count === 0 ? at === last : at === to) ? starts : null;
}

const isLowerHex = (b: number) => (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x66);

/**
 * A document's text as safeJson would write it, made by hand as UTF-8 bytes, last newline
 * included, in chunks. After each chunk the writer tells the generator whether that chunk was
 * written out whole (`next(true)`): it may then make the next one in the same memory.
 */
export class SafeJsonBytes {
  constructor(readonly chunks: Generator<Uint8Array, void, boolean>) {}
}

/**
 * A document's JSON text made by hand, already as safeJson would write it (every string through
 * safeJsonString, JSON.stringify's indent of 2), in pieces: written as it is.
 */
export class SafeJsonText {
  constructor(readonly pieces: Iterable<string>) {}
}

/** An object or list JSON.stringify writes as it is (no toJSON, a plain prototype): its parts may be written one by one. */
function isPlainContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  if (value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  if (Array.isArray(value)) return true;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** JSON.stringify(value, null, 2) in pieces (see safeJsonPieces). */
function* jsonPieces(value: unknown): Generator<string> {
  const stringify = (part: unknown) => JSON.stringify(part, null, 2) as string | undefined;
  if (value instanceof JsonList || (isPlainContainer(value) && Array.isArray(value))) {
    const list: unknown[] | JsonList<unknown> = value;
    if (list.length === 0) {
      yield '[]';
      return;
    }
    // "[\n  item,\n  item\n]": the items of each run, with their indent, between the brackets.
    yield '[\n';
    for (let i = 0; i < list.length; i += ITEMS_AT_ONCE) {
      const text = stringify(list.slice(i, i + ITEMS_AT_ONCE))!;
      yield (i === 0 ? '' : ',\n') + text.slice(2, -2);
    }
    yield '\n]';
  } else if (!isPlainContainer(value)) {
    const text = stringify(value);
    if (text === undefined) throw new TypeError('no JSON for this value');
    yield text;
  } else {
    const object = value as Record<string, unknown>;
    let first = true;
    for (const key of Object.keys(object)) {
      const item = object[key];
      const long = (item instanceof JsonList || (Array.isArray(item) && isPlainContainer(item))) && item.length > ITEMS_AT_ONCE;
      // '{\n  "key": …\n}' of the key alone: its line as the whole document would have it.
      const text = stringify({ [key]: long ? [] : item })!;
      if (text === '{}') continue; // a value JSON leaves out (undefined, a function)
      yield (first ? '{\n' : ',\n') + text.slice(2, long ? -4 : -2);
      first = false;
      if (long) {
        // '{\n  "key": [\n    item,\n    item\n  ]\n}' for each run of items.
        const head = `{\n  ${JSON.stringify(key)}: [\n`.length;
        const list = item as unknown[] | JsonList<unknown>;
        for (let i = 0; i < list.length; i += ITEMS_AT_ONCE) {
          const run = stringify({ [key]: list.slice(i, i + ITEMS_AT_ONCE) })!;
          yield (i === 0 ? '[\n' : ',\n') + run.slice(head, -6);
        }
        yield '\n  ]';
      }
    }
    yield first ? '{}' : '\n}';
  }
}
