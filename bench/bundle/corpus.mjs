// bench/bundle/corpus.mjs: writes the two corpora of bench/bundle/run.sh
// under OUT (bench/out/bundle), from three's src/ of this folder's
// node_modules, as esbuild's "three.js x10" benchmark lays them out:
//   OUT/three10/copy1 .. copy10/   ten real copies of three/src (not
//                                  symlinks: a bundler resolves those to
//                                  one file and would bundle one copy)
//   OUT/three10/entry.js           import * as copyN from './copyN/Three.js';
//                                  window.copyN = copyN;   (N = 1..10)
//   OUT/three10/entry-esm.js       export * as copyN from './copyN/Three.js';
//   OUT/three1/                    the same with one copy
// Written once; a copy is redone when three's version changes.
//   node corpus.mjs OUT
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const out = process.argv[2];
const three = join(dirname(fileURLToPath(import.meta.url)), "node_modules/three");
const version = JSON.parse(readFileSync(join(three, "package.json"), "utf8")).version;

for (const [name, copies] of [["three1", 1], ["three10", 10]]) {
  const dir = join(out, name);
  const stamp = join(dir, "three-version");
  if (!existsSync(stamp) || readFileSync(stamp, "utf8") !== version) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (let i = 1; i <= copies; i++) cpSync(join(three, "src"), join(dir, `copy${i}`), { recursive: true });
    writeFileSync(stamp, version);
  }
  let entry = "";
  for (let i = 1; i <= copies; i++) entry += `import * as copy${i} from './copy${i}/Three.js';\n`;
  for (let i = 1; i <= copies; i++) entry += `window.copy${i} = copy${i};\n`;
  writeFileSync(join(dir, "entry.js"), entry);
  /* the same copies exported by an ES module (three10esm: the production
   * rows again, with ES module output) */
  let esm = "";
  for (let i = 1; i <= copies; i++) esm += `export * as copy${i} from './copy${i}/Three.js';\n`;
  writeFileSync(join(dir, "entry-esm.js"), esm);
}
