// The rules of the source tree's shape, as a checker the architecture test runs on src/ (and on
// a made-up tree, to show that it finds what it should). See README "How the code is laid out".
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';
import ts from 'typescript';

/** A source file: its path under src/ ('store/lock.ts') and its text. */
export interface SourceFile {
  path: string;
  text: string;
}

export function readSourceTree(root: string): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.tsx?$/.test(name)) files.push({ path: relative(root, full).split(sep).join('/'), text: readFileSync(full, 'utf8') });
    }
  };
  walk(root);
  return files;
}

/** What a file imports: other files of the tree by path, and packages/builtins by name. */
interface Imports {
  files: string[];
  modules: string[];
}

/** Built-in modules reached without an import: process.getBuiltinModule('node:fs'). */
function builtinsReached(file: SourceFile): string[] {
  const found: string[] = [];
  for (const match of file.text.matchAll(/\bgetBuiltinModule\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(match[1]!);
  return found;
}

function importsOf(file: SourceFile, known: ReadonlySet<string>): Imports {
  const found: Imports = { files: [], modules: builtinsReached(file) };
  for (const { fileName } of ts.preProcessFile(file.text, true, true).importedFiles) {
    if (!fileName.startsWith('.')) {
      found.modules.push(fileName);
      continue;
    }
    const base = posix.normalize(posix.join(posix.dirname(file.path), fileName)).replace(/\.js$/, '');
    const target = [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find((candidate) => known.has(candidate));
    found.files.push(target ?? `${base} (missing)`);
  }
  return found;
}

const folderOf = (path: string) => (path.includes('/') ? path.slice(0, path.indexOf('/')) : '.');

/** Each strongly connected group of more than one node (or a node importing itself): the cycles. */
export function cyclesOf(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      group.push(member);
    } while (member !== node);
    if (group.length > 1 || (edges.get(node) ?? []).includes(node)) cycles.push(group.sort());
  };
  for (const node of [...edges.keys()].sort()) if (!index.has(node)) visit(node);
  return cycles;
}

export interface RuleSet {
  /** Modules (packages, builtins) a folder alone may import: module name → the folder. */
  moduleHomes: Readonly<Record<string, string>>;
  /** Files outside a module's home folder that may import it all the same, each with why. */
  exceptions: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** The one file that may read the system clock. */
  clockFile: string;
  /** The folders, each of which may import only those before it in this list. */
  folderOrder: readonly (string | readonly string[])[];
}

/** Every broken rule, one line each; empty when the tree keeps them all. */
export function brokenRules(files: readonly SourceFile[], rules: RuleSet): string[] {
  const known = new Set(files.map((file) => file.path));
  const broken: string[] = [];
  const fileEdges = new Map<string, string[]>();
  const folderEdges = new Map<string, Set<string>>();
  const folderWhy = new Map<string, string>();
  for (const file of files) {
    const { files: targets, modules } = importsOf(file, known);
    fileEdges.set(file.path, targets.filter((target) => known.has(target)));
    for (const target of targets) {
      if (!known.has(target)) broken.push(`${file.path} imports ${target}`);
      const [from, to] = [folderOf(file.path), folderOf(target)];
      if (from === to || !known.has(target)) continue;
      if (!folderEdges.has(from)) folderEdges.set(from, new Set());
      folderEdges.get(from)!.add(to);
      if (!folderWhy.has(`${from}>${to}`)) folderWhy.set(`${from}>${to}`, `${file.path} → ${target}`);
    }
    for (const module of modules) {
      const home = Object.entries(rules.moduleHomes).find(([name]) => module === name || module.startsWith(`${name}/`))?.[1];
      if (home === undefined || folderOf(file.path) === home) continue;
      if (rules.exceptions[file.path]?.[module] !== undefined) continue;
      broken.push(`${file.path} imports ${module}, which only ${home}/ may import`);
    }
    if (file.path !== rules.clockFile) {
      for (const reading of clockReadings(file)) {
        broken.push(`${file.path} reads the system clock (${reading}); take the Clock, or ${rules.clockFile}'s named file-time check`);
      }
    }
  }
  const rank = new Map(rules.folderOrder.flatMap((entry, i) => (typeof entry === 'string' ? [entry] : entry).map((folder) => [folder, i] as const)));
  for (const [key, why] of [...folderWhy].sort()) {
    const [from, to] = key.split('>') as [string, string];
    if (!rank.has(from) || !rank.has(to)) broken.push(`${from}/ or ${to}/ is not in the folder order (${why})`);
    else if (rank.get(to)! >= rank.get(from)!) broken.push(`${from}/ imports ${to}/, which comes after it in the folder order (${why})`);
  }
  for (const cycle of cyclesOf(fileEdges)) broken.push(`import cycle between files: ${cycle.join(', ')}`);
  const folderGraph = new Map([...folderEdges].map(([from, to]) => [from, [...to]] as const));
  for (const cycle of cyclesOf(folderGraph)) {
    const edges = cycle.flatMap((from) => cycle.filter((to) => folderWhy.has(`${from}>${to}`)).map((to) => folderWhy.get(`${from}>${to}`)!));
    broken.push(`import cycle between folders ${cycle.join(', ')} (${edges.join('; ')})`);
  }
  return broken;
}

/** Where a file reads the system clock: Date.now(), new Date() with no argument, performance.now(), process.hrtime. */
function clockReadings(file: SourceFile): string[] {
  const source = ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, false, file.path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const at = (node: ts.Node) => `line ${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node)) {
      const name = `${node.expression.getText(source)}.${node.name.text}`;
      if (name === 'Date.now' || name === 'performance.now' || name === 'process.hrtime') found.push(`${name}, ${at(node)}`);
    }
    if (ts.isNewExpression(node) && node.expression.getText(source) === 'Date' && (node.arguments?.length ?? 0) === 0) found.push(`new Date(), ${at(node)}`);
    // Date() called as a function is a string of now.
    if (ts.isCallExpression(node) && node.expression.getText(source) === 'Date') found.push(`Date(), ${at(node)}`);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

export const srcRoot = join(dirname(new URL(import.meta.url).pathname), '..', '..', 'src');
