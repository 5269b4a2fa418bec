// The fingerprint's word loop (core/fingerprint.ts, mixWords) as a WebAssembly function, for
// long runs of words. V8 runs JavaScript first in its interpreter, where every number past 2^30
// (half of what this loop computes) is a heap object: a rebuild after an edit fingerprints the
// 160 KB of its cache's head first, and the interpreted loop took 14-20 ms of CPU over it here
// before V8 had optimised it (the notes that follow, 5 MB, some more). V8 compiles a WebAssembly
// module to machine code as it is made, here in about a millisecond, and the loop runs at once
// at some 15 ns a word, and at a few once V8 has optimised it as it runs: the cache's head took
// under a millisecond. It computes what mixWords computes: the fingerprint's tests hold the two
// alike over pieces of every size.
//
// The module, written out below as its bytes (the WebAssembly binary format, version 1):
//
//   (module
//     (memory (export "memory") 1)                        ;; one 64 KiB page: the words to mix
//     (global $lane1 (export "lane1") (mut i32) (i32.const 0))
//     (global $lane2 (export "lane2") (mut i32) (i32.const 0))
//     (func (export "mix") (param $count i32)             ;; the words at [0, 4 * count)
//       (local $at i32) (local $end i32) (local $word i32) (local $k i32) (local $h1 i32) (local $h2 i32)
//       h1 = lane1; h2 = lane2; end = count << 2
//       (block (loop
//         (br_if 1 (i32.ge_u at end))
//         word = k = (i32.load at)                        ;; little-endian, as the fingerprint reads
//         h1 = rotl(h1 ^ (rotl(k * C1, 15) * C2), 13) * 5 + 0xe6546b64
//         k = word ^ 0x5bd1e995
//         h2 = rotl(h2 ^ (rotl(k * C1, 15) * C2), 13) * 5 + 0xe6546b64
//         at = at + 4
//         (br 0)))
//       lane1 = h1; lane2 = h2))

/** What the module exports. */
export interface WordMixer {
  /** Mixes the first `count` words of `memory` into the lanes. */
  mix(count: number): void;
  memory: { buffer: ArrayBuffer };
  lane1: { value: number };
  lane2: { value: number };
}

/** The most words `mix` takes at a time: its one page. */
export const MIXER_WORDS = 1 << 14;

const C1 = 0xcc9e2d51 | 0;
const C2 = 0x1b873593 | 0;

// Opcodes and types used (the WebAssembly core specification, binary format).
const I32 = 0x7f;
const FUNC_TYPE = 0x60;
const VOID_BLOCK = 0x40;
const [BLOCK, LOOP, END, BR, BR_IF] = [0x02, 0x03, 0x0b, 0x0c, 0x0d];
const [LOCAL_GET, LOCAL_SET, LOCAL_TEE, GLOBAL_GET, GLOBAL_SET] = [0x20, 0x21, 0x22, 0x23, 0x24];
const [I32_LOAD, I32_CONST, I32_GE_U, I32_ADD, I32_MUL, I32_XOR, I32_SHL, I32_ROTL] = [0x28, 0x41, 0x4f, 0x6a, 0x6c, 0x73, 0x74, 0x77];
// Locals: the parameter, then the six declared.
const [COUNT, AT, END_AT, WORD, K, H1, H2] = [0, 1, 2, 3, 4, 5, 6];

/** An unsigned LEB128 number. */
function unsigned(n: number): number[] {
  const out: number[] = [];
  do {
    const low = n & 0x7f;
    n >>>= 7;
    out.push(n === 0 ? low : low | 0x80);
  } while (n !== 0);
  return out;
}

/** A signed LEB128 number (an i32.const's). */
function signed(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const low = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (low & 0x40) === 0) || (n === -1 && (low & 0x40) !== 0)) return [...out, low];
    out.push(low | 0x80);
  }
}

const vector = (items: number[][]): number[] => [...unsigned(items.length), ...items.flat()];
const section = (id: number, body: number[]): number[] => [id, ...unsigned(body.length), ...body];
const exportName = (text: string): number[] => vector([...text].map((c) => [c.charCodeAt(0)]));
const constant = (n: number): number[] => [I32_CONST, ...signed(n)];

/** `h = rotl(h ^ (rotl(k * C1, 15) * C2), 13) * 5 + 0xe6546b64`: mixWord, for lane local `h`. */
const mixInto = (h: number): number[] => [
  ...[LOCAL_GET, K, ...constant(C1), I32_MUL, ...constant(15), I32_ROTL, ...constant(C2), I32_MUL],
  ...[LOCAL_GET, h, I32_XOR, ...constant(13), I32_ROTL, ...constant(5), I32_MUL, ...constant(0xe6546b64 | 0), I32_ADD, LOCAL_SET, h],
];

/** The module's bytes. */
function moduleBytes(): Uint8Array {
  const body = [
    ...[GLOBAL_GET, 0, LOCAL_SET, H1, GLOBAL_GET, 1, LOCAL_SET, H2],
    ...[LOCAL_GET, COUNT, ...constant(2), I32_SHL, LOCAL_SET, END_AT],
    ...[BLOCK, VOID_BLOCK, LOOP, VOID_BLOCK],
    ...[LOCAL_GET, AT, LOCAL_GET, END_AT, I32_GE_U, BR_IF, 1],
    // i32.load, alignment 2^2, offset 0
    ...[LOCAL_GET, AT, I32_LOAD, 2, 0, LOCAL_TEE, WORD, LOCAL_SET, K],
    ...mixInto(H1),
    ...[LOCAL_GET, WORD, ...constant(0x5bd1e995), I32_XOR, LOCAL_SET, K],
    ...mixInto(H2),
    ...[LOCAL_GET, AT, ...constant(4), I32_ADD, LOCAL_SET, AT],
    ...[BR, 0, END, END],
    ...[LOCAL_GET, H1, GLOBAL_SET, 0, LOCAL_GET, H2, GLOBAL_SET, 1],
    END,
  ];
  const code = [...vector([[6, I32]]), ...body];
  const mutableI32 = (init: number) => [I32, 1, ...constant(init), END];
  return Uint8Array.from([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vector([[FUNC_TYPE, ...vector([[I32]]), ...vector([])]])), // types: (i32) -> ()
    ...section(3, vector([[0]])), // functions: mix, of type 0
    ...section(5, vector([[0x00, 1]])), // memories: one of at least 1 page
    ...section(6, vector([mutableI32(0), mutableI32(0)])), // globals: lane1, lane2
    ...section(7, vector([[...exportName('mix'), 0x00, 0], [...exportName('memory'), 0x02, 0], [...exportName('lane1'), 0x03, 0], [...exportName('lane2'), 0x03, 1]])),
    ...section(10, vector([[...unsigned(code.length), ...code]])), // code
  ]);
}

/** The parts of the WebAssembly API used here (not in the types of Node's globals). */
interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: object };
}

let mixer: WordMixer | null | undefined;

/** The module's instance, made on first need; null where WebAssembly cannot be used (node --jitless), and mixWords is then the loop. */
export function wordMixer(): WordMixer | null {
  if (mixer === undefined) {
    try {
      const api = (globalThis as { WebAssembly?: WebAssemblyApi }).WebAssembly!;
      mixer = new api.Instance(new api.Module(moduleBytes())).exports as WordMixer;
    } catch {
      mixer = null;
    }
  }
  return mixer;
}
