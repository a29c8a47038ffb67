import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
// run.sh: node check.mjs import|require PATH (the entry, then the bundle).
const [how, file] = process.argv.slice(2);
const m = how === "require" ? createRequire(import.meta.url)(file) : await import(pathToFileURL(file).href);
console.log(m.count, m.shadowed, "default" in m);
m.inc();
m.inc();
console.log(m.count);
