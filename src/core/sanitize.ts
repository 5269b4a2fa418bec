// Text from notes is user data that ends up on a terminal. Escape sequences and control
// characters in it could move the cursor, change colours or retitle the window, so they are
// removed on the way in (and again on the way out, for text that came from elsewhere).

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
