// A small model of a terminal's screen, enough to replay what paperdeck writes and read the
// screen a person would see: printing with autowrap, scrolling, cursor moves, erasing, and the
// screen's size changing. Colours, styles and modes are read and ignored. A resize keeps each
// row's start and drops rows at the top when the cursor would fall off the bottom (as xterm
// does); it does not rewrap rows the way some terminals do.

// eslint-disable-next-line no-control-regex
const SEQUENCE = /\u001b\[([0-?]*)[ -/]*([@-~])|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[()][0-9A-Za-z]|\u001b([78=>DEHMc])|([\s\S])/gu;

export interface Resize {
  /** Where in the output the terminal changed size. */
  at: number;
  cols: number;
  rows: number;
}

export class ScreenModel {
  private lines: string[][];
  private row = 0;
  private col = 0;
  /** The cursor sits past the last column: the next character goes on the next row. */
  private pendingWrap = false;
  private saved = { row: 0, col: 0 };

  constructor(
    private cols: number,
    private rows: number,
  ) {
    this.lines = Array.from({ length: rows }, () => this.blankLine());
  }

  /** The screen's rows, trailing spaces removed. */
  text(): string[] {
    return this.lines.map((line) => line.join('').replace(/ +$/, ''));
  }

  resize(cols: number, rows: number): void {
    this.lines = this.lines.map((line) => (line.length > cols ? line.slice(0, cols) : [...line, ...Array(cols - line.length).fill(' ')]));
    while (this.lines.length > rows) {
      if (this.row >= rows) {
        this.lines.shift();
        this.row--;
      } else this.lines.pop();
    }
    while (this.lines.length < rows) this.lines.push(Array(cols).fill(' '));
    this.cols = cols;
    this.rows = rows;
    this.col = Math.min(this.col, cols - 1);
    this.pendingWrap = false;
  }

  write(data: string): void {
    for (const match of data.matchAll(SEQUENCE)) {
      const [, params, final, short, char] = match;
      if (char !== undefined) this.character(char);
      else if (final !== undefined) this.control(params ?? '', final);
      else if (short === '7') this.saved = { row: this.row, col: this.col };
      else if (short === '8') ({ row: this.row, col: this.col } = this.saved);
      else if (short === 'c') this.eraseDisplay(2);
    }
  }

  private blankLine(): string[] {
    return Array(this.cols).fill(' ');
  }

  private lineFeed(): void {
    if (this.row === this.rows - 1) {
      this.lines.shift();
      this.lines.push(this.blankLine());
    } else this.row++;
  }

  private character(char: string): void {
    if (char === '\r') {
      this.col = 0;
      this.pendingWrap = false;
    } else if (char === '\n') {
      this.lineFeed();
      this.pendingWrap = false;
    } else if (char === '\b') {
      this.col = Math.max(0, this.col - 1);
    } else if (char >= ' ') {
      if (this.pendingWrap) {
        this.col = 0;
        this.lineFeed();
        this.pendingWrap = false;
      }
      this.lines[this.row]![this.col] = char;
      if (this.col === this.cols - 1) this.pendingWrap = true;
      else this.col++;
    }
  }

  private control(params: string, final: string): void {
    if (params.startsWith('?')) return; // private modes: cursor, synchronized output, ...
    const numbers = params.split(';').map((p) => (p === '' ? NaN : Number(p)));
    const n = Number.isNaN(numbers[0]!) ? 1 : Math.max(1, numbers[0]!);
    this.pendingWrap = false;
    switch (final) {
      case 'A':
        this.row = Math.max(0, this.row - n);
        break;
      case 'B':
        this.row = Math.min(this.rows - 1, this.row + n);
        break;
      case 'C':
        this.col = Math.min(this.cols - 1, this.col + n);
        break;
      case 'D':
        this.col = Math.max(0, this.col - n);
        break;
      case 'G':
        this.col = Math.min(this.cols - 1, n - 1);
        break;
      case 'H':
      case 'f':
        this.row = Math.min(this.rows - 1, n - 1);
        this.col = Math.min(this.cols - 1, (Number.isNaN(numbers[1] ?? NaN) ? 1 : numbers[1]!) - 1);
        break;
      case 'J':
        this.eraseDisplay(Number.isNaN(numbers[0]!) ? 0 : numbers[0]!);
        break;
      case 'K':
        this.eraseLine(Number.isNaN(numbers[0]!) ? 0 : numbers[0]!);
        break;
      default:
        break; // colours and styles (m), and whatever else: nothing on screen changes
    }
  }

  private eraseLine(mode: number): void {
    const line = this.lines[this.row]!;
    const [from, to] = mode === 0 ? [this.col, this.cols] : mode === 1 ? [0, this.col + 1] : [0, this.cols];
    for (let i = from; i < to; i++) line[i] = ' ';
  }

  private eraseDisplay(mode: number): void {
    if (mode === 3) return; // the scrollback: not modelled
    if (mode === 0) {
      this.eraseLine(0);
      for (let r = this.row + 1; r < this.rows; r++) this.lines[r] = this.blankLine();
    } else if (mode === 1) {
      this.eraseLine(1);
      for (let r = 0; r < this.row; r++) this.lines[r] = this.blankLine();
    } else {
      this.lines = Array.from({ length: this.rows }, () => this.blankLine());
    }
  }
}

/** The screen after `raw` was written to a terminal of `cols`×`rows` that was resized as told. */
export function replay(raw: string, cols: number, rows: number, resizes: readonly Resize[] = []): string[] {
  const screen = new ScreenModel(cols, rows);
  let from = 0;
  for (const resize of resizes) {
    screen.write(raw.slice(from, resize.at));
    screen.resize(resize.cols, resize.rows);
    from = resize.at;
  }
  screen.write(raw.slice(from));
  return screen.text();
}
