import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
// run.sh: node check.mjs import|require PATH (the entry, then the bundle).
const [how, file] = process.argv.slice(2);
const m = how === "require" ? createRequire(import.meta.url)(file) : await import(pathToFileURL(file).href);
console.log(m.lib === m.again, m.lib === m.same, Object.getPrototypeOf(m.lib), Object.isExtensible(m.lib));
console.log(Reflect.ownKeys(m.lib));
m.lib.bump();
console.log(m.lib.n, m.again.n);
