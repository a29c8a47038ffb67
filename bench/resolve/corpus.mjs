// bench/resolve/corpus.mjs: builds the resolver benchmark's corpora and the
// list of requests every resolver is timed on.
//   node bench/resolve/corpus.mjs OUT_DIR
// Corpora:
//   three10       esbuild's classic benchmark tree: three.js's src/ copied ten
//                 times (OUT_DIR/three10/copyN/src), with an entry importing
//                 each copy.
//   node_modules  bench/node_modules: the peers and a few large tools
//                 (jest, webpack, eslint), a few hundred packages.
// Requests: every import/export-from/import()/require() specifier found in
// every .js/.mjs/.cjs file of a corpus (a regular-expression scan, good
// enough for a benchmark), with the file's directory as the issuer.
// Writes OUT_DIR/<corpus>.tsv: "import|require \t issuer_dir \t request".
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const benchDir = path.dirname(here);
const out = path.resolve(process.argv[2] || path.join(benchDir, 'out/resolve'));
fs.mkdirSync(out, { recursive: true });

function buildThree10() {
  const src = path.join(benchDir, 'node_modules/three/src');
  const dir = path.join(out, 'three10');
  if (fs.existsSync(path.join(dir, 'entry.js'))) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  let entry = '';
  for (let i = 1; i <= 10; i++) {
    fs.cpSync(src, path.join(dir, `copy${i}/src`), { recursive: true });
    entry += `import * as copy${i} from './copy${i}/src/Three.js';\nexport { copy${i} };\n`;
  }
  fs.writeFileSync(path.join(dir, 'entry.js'), entry);
  return dir;
}

const patterns = [
  [/\brequire\s*\(\s*(['"])([^'"\n]+)\1\s*\)/g, 'require'],
  [/\bimport\s*\(\s*(['"])([^'"\n]+)\1\s*\)/g, 'import'],
  [/\b(?:import|export)\s[^'";]*?\bfrom\s*(['"])([^'"\n]+)\1/g, 'import'],
  [/\bimport\s*(['"])([^'"\n]+)\1/g, 'import'],
];

function* files(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else if (e.isFile() && /\.(m|c)?js$/.test(e.name)) yield p;
  }
}

function collect(name, dir) {
  const lines = [];
  for (const file of files(dir)) {
    const text = fs.readFileSync(file, 'utf8');
    const issuer = path.dirname(file);
    for (const [re, kind] of patterns) {
      re.lastIndex = 0;
      let m;
      while ((m = re.exec(text))) {
        const req = m[2];
        if (req.includes('\t') || req.length > 300) continue;
        lines.push(`${kind}\t${issuer}\t${req}`);
      }
    }
  }
  fs.writeFileSync(path.join(out, `${name}.tsv`), lines.join('\n') + '\n');
  console.log(`corpus ${name}: ${lines.length} requests`);
}

collect('three10', buildThree10());
collect('node_modules', path.join(benchDir, 'node_modules'));
