// A throw two modules down, through an ES module and a CommonJS one: with
// --sourcemap and node --enable-source-maps, the bundle's stack names the
// same files, lines and columns as node's run of the sources.
import { run } from "./lib.mjs";
try {
  run([1, 2, 3]);
} catch (e) {
  // the frames in the program's own files (a bundle adds its wrappers' frames)
  const frames = e.stack.split("\n").filter((l) => /^\s+at /.test(l) && /(index\.mjs|lib\.mjs|check\.cjs|<anonymous>)/.test(l));
  console.log(e.message);
  for (const f of frames) console.log(f.trim().replace(/^at (\S+ )?\(?/, "").replace(/\)$/, "").replace(/.*\/stack\//, ""));
}
