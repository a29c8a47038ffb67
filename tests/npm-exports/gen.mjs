// tests/npm-exports/gen.mjs: writes the programs run.sh bundles, next to
// itself (run.sh copies it into a directory that has tests/npm's
// node_modules, so that the packages resolve from there): for each package, one program that
// imports its whole namespace and prints every name, and each function's
// name and length (scope hoisting renames must never show), and one
// program per sampled named export (up to 12 a package, spread over the
// names in order), which imports that name alone (tree shaking must keep
// what it needs).  Reserved words are not importable names: left out.
//   node DIR/gen.mjs PACKAGE...
import fs from "node:fs";
import path from "node:path";

const dir = path.dirname(new URL(import.meta.url).pathname);
const pkgs = process.argv.slice(2);
const reserved = new Set(["enum", "null", "true", "false", "delete", "void", "function", "class", "new", "in", "do", "if", "for", "var"]);
for (const p of pkgs) {
  const ns = await import(p);
  const safe = p.replace(/[^a-z0-9]/gi, "_");
  const names = Object.keys(ns).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n) && n !== "default" && !reserved.has(n));
  fs.writeFileSync(path.join(dir, `${safe}__all.mjs`),
    `import * as X from "${p}";\nconst ks = Object.keys(X);\nconsole.log(ks.length, ks.join(), typeof X.default);\n` +
    `for (const k of ks) { const v = X[k]; if (typeof v === "function") console.log(k, v.name, v.length); }\n`);
  const step = Math.max(1, Math.floor(names.length / 12));
  for (let i = 0; i < names.length; i += step) {
    const n = names[i];
    fs.writeFileSync(path.join(dir, `${safe}__${n}.mjs`),
      `import { ${n} } from "${p}";\n` +
      `console.log(typeof ${n}, typeof ${n} === "function" ? ${n}.name + "/" + ${n}.length : ` +
      `typeof ${n} === "object" && ${n} ? Object.keys(${n}).length : String(${n}));\n`);
  }
}
