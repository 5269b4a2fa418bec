import ts from 'typescript';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, dirname, resolve, relative } from 'node:path';
const root = '/work/main/src';
const files = [];
(function walk(d){ for (const f of readdirSync(d)) { const p = join(d,f); if (statSync(p).isDirectory()) walk(p); else if (/\.tsx?$/.test(f)) files.push(p);} })(root);
const graph = new Map();
for (const f of files) {
  const info = ts.preProcessFile(readFileSync(f,'utf8'), true, true);
  const deps = [];
  for (const i of info.importedFiles) { const s = i.fileName; if (!s.startsWith('.')) { deps.push(s); continue; }
    let r = resolve(dirname(f), s).replace(/\.js$/, '');
    for (const ext of ['.ts','.tsx','/index.ts']) { try { statSync(r+ext); r = r+ext; break; } catch {} }
    deps.push(relative(root, r)); }
  graph.set(relative(root,f), deps);
}
// folder edges
const fe = new Map();
for (const [f, ds] of graph) for (const d of ds) { if (!d.includes('/')||d.startsWith('node:')) continue; const a=f.split('/')[0], b=d.split('/')[0]; if (a!==b && graph.has(d)) { const k=a+'->'+b; fe.set(k,[...(fe.get(k)||[]), f+' -> '+d]); } }
for (const [k,v] of [...fe].sort()) console.log(k, v.length);
const [x,y] = [process.argv[2], process.argv[3]];
if (x) for (const [k,v] of fe) if (k===x+'->'+y||k===y+'->'+x) console.log(v.join('\n'));
// file cycles via tarjan
let idx=0; const st=[], on=new Set(), I=new Map(), L=new Map(), sccs=[];
function sc(v){ I.set(v,idx); L.set(v,idx); idx++; st.push(v); on.add(v); for (const w of (graph.get(v)||[]).filter(w=>graph.has(w))) { if(!I.has(w)){sc(w); L.set(v,Math.min(L.get(v),L.get(w)));} else if(on.has(w)) L.set(v,Math.min(L.get(v),I.get(w))); } if (L.get(v)===I.get(v)) { const c=[]; let w; do { w=st.pop(); on.delete(w); c.push(w);} while(w!==v); if (c.length>1) sccs.push(c);} }
for (const v of graph.keys()) if(!I.has(v)) sc(v);
console.log('file cycles:', JSON.stringify(sccs));
// ext imports
const ext = new Map();
for (const [f, ds] of graph) for (const d of ds) if (!graph.has(d)) { ext.set(d, [...(ext.get(d)||[]), f]); }
for (const [k,v] of [...ext].sort()) console.log('EXT', k, v.join(' '));
