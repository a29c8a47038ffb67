import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
// run.sh: node check.mjs import|require PATH (the entry, then the bundle).
const [how, file] = process.argv.slice(2);
const m = how === "require" ? createRequire(import.meta.url)(file) : await import(pathToFileURL(file).href);
console.log("seen", m.count, m.alias, m.total);
m.inc();
m.inc();
console.log("after inc() twice", m.count, m.alias, m.total);
const { count } = m;
m.reset();
console.log("a copy keeps", count, "the binding is", m.count, m.alias);
