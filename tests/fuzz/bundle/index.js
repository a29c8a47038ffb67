// The fuzz project's entry (tests/fuzz/fuzz_bundle.c): every kind of import.
import greet, { count, bump as inc } from "./esm.js";
import * as esm from "./esm.js";
import cjs, { add } from "./cjs.cjs";
import data from "./data.json";
inc();
console.log(greet(data.name), count, esm.count, Object.keys(esm).sort().join(","), add(1, 2), cjs.kind);
import("./esm.js").then((m) => console.log(m.default === greet, m.fromCjs));
export { count };
