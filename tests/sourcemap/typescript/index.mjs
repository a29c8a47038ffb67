// The stack of an error thrown in compiled TypeScript (lib/greet.js, with
// its map) names the TypeScript source's lines and columns.
import { greet } from "./lib/greet.js";
console.log(greet({ name: "ann" }));
try {
  greet({ name: "" });
} catch (e) {
  const frames = e.stack.split("\n").filter((l) => /^\s+at /.test(l) && /(index\.mjs|greet\.(ts|js))/.test(l));
  console.log(e.message);
  for (const f of frames) console.log(f.trim().replace(/^at (\S+ )?\(?/, "").replace(/\)$/, "").replace(/.*\/typescript\//, ""));
}
