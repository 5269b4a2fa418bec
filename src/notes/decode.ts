// Bytes of a notes file -> clean text, or one clear line saying why the file is not notes.
// Real notes come from many editors: UTF-8 with or without a BOM, UTF-16 from Windows tools,
// the odd Latin-1 file, CRLF line ends, non-breaking spaces pasted from PDFs. All of that is
// text; an image, an archive or a database file is not, and gets refused before parsing.
import { UserError } from '../core/errors.js';
import { stripControl } from '../core/sanitize.js';
// The limit lives with the code that reads notes files from disk (which checks the size before
// reading); `paperdeck due` loads that module and must not load this one.
import { MAX_NOTES_BYTES, notesTooLargeMessage } from '../core/notes-size.js';

// Share of suspicious characters past which a file is called binary. Real text has almost
// none; an executable or image has far more than this even when parts of it are ASCII.
const MAX_SUSPICIOUS_SHARE = 0.05;

/** Decodes a notes file's bytes into clean text: LF line ends, no BOM, no control characters. */
export function decodeNotes(bytes: Uint8Array, fileName: string): string {
  if (bytes.length > MAX_NOTES_BYTES) throw new UserError(notesTooLargeMessage(fileName, bytes.length));
  const raw = decodeBytes(bytes, fileName);
  const text = cleanText(raw);
  if (text.trim() === '') throw new UserError(`${fileName} is empty`);
  return text;
}

function decodeBytes(bytes: Uint8Array, fileName: string): string {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return decodeUtf8OrRefuse(bytes.subarray(3), fileName);
  if (startsWith(bytes, [0xff, 0xfe])) return decodeUtf16(bytes.subarray(2), 'le');
  if (startsWith(bytes, [0xfe, 0xff])) return decodeUtf16(bytes.subarray(2), 'be');
  const bomless = bomlessUtf16(bytes);
  if (bomless) return decodeUtf16(bytes, bomless);
  return decodeUtf8OrRefuse(bytes, fileName);
}

function decodeUtf8OrRefuse(bytes: Uint8Array, fileName: string): string {
  const notNotes = new UserError(`${fileName} looks like a binary file, not notes`);
  if (bytes.includes(0)) throw notNotes;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not valid UTF-8: an old Latin-1/Windows-1252 file (é as one byte), or something that was
    // never text. Read as Windows-1252, every byte is a character; what tells the two apart is
    // the control characters, which text has next to none of and binary data has plenty.
    text = decodeWindows1252(bytes);
  }
  // A few control characters are pasted terminal output; a short file gets some leeway.
  if (countControls(text) > Math.max(8, text.length * MAX_SUSPICIOUS_SHARE)) throw notNotes;
  return text;
}

// Windows-1252 is Latin-1 except for 0x80-0x9F, where it has curly quotes, dashes, € and the
// like. Node built without full ICU decodes "windows-1252" as plain Latin-1, so map them here.
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const codes = Array.from(bytes.subarray(start, start + CHUNK), (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b));
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

function decodeUtf16(bytes: Uint8Array, order: 'le' | 'be'): string {
  if (order === 'le') return new TextDecoder('utf-16le').decode(bytes);
  // Swap to little-endian ourselves: a Node built without full ICU has no utf-16be decoder.
  const even = bytes.length - (bytes.length % 2);
  const swapped = new Uint8Array(even);
  for (let i = 0; i < even; i += 2) {
    swapped[i] = bytes[i + 1]!;
    swapped[i + 1] = bytes[i]!;
  }
  return new TextDecoder('utf-16le').decode(swapped);
}

/**
 * UTF-16 saved without a BOM: mostly-ASCII text puts a zero in every other byte and nowhere
 * else. Binary files have zeros too, but never in such a regular pattern.
 */
function bomlessUtf16(bytes: Uint8Array): 'le' | 'be' | null {
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096) & ~1);
  if (sample.length < 8) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) zeroEven++;
    if (sample[i + 1] === 0) zeroOdd++;
  }
  const pairs = sample.length / 2;
  if (zeroOdd >= pairs * 0.9 && zeroEven === 0) return 'le';
  if (zeroEven >= pairs * 0.9 && zeroOdd === 0) return 'be';
  return null;
}

function cleanText(text: string): string {
  return stripControl(
    text
      .replace(/^\ufeff/, '')
      .replace(/\r\n?/g, '\n')
      // Line and paragraph separators are line breaks to a reader.
      .replace(/[\u2028\u2029]/g, '\n'),
  )
    // Non-breaking and other fixed-width spaces are spaces; zero-width ones are nothing.
    .replace(/[\u00a0\u2007\u202f\u3000]/g, ' ')
    .replace(/[\u200b\u200c\u200d\u2060\ufeff]/g, '');
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

// C0 controls other than tab, LF, CR and FF, plus DEL. ESC counts too: a few colour codes in
// pasted terminal output are fine (stripControl removes them), a file thick with them is not notes.
const SUSPICIOUS_CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f]/g;

function countControls(text: string): number {
  return text.match(SUSPICIOUS_CONTROL)?.length ?? 0;
}
