// tests/sourcemap/check.mjs: checks a bundle's source map with the
// source-map package (Mozilla's consumer, pinned in tests/npm):
//   node check.mjs BUNDLE MIN_PERCENT [all]
// Run in the directory bale ran in.  Every mapping must point into its
// source (line and UTF-16 column within sourcesContent); and where a
// mapping's generated text is a property name (an identifier after a
// "."), the original text there must start the same name in at least
// MIN_PERCENT of them, among the mappings into files bale bundled itself
// (those its "// path" comments name; a module that shipped a map of its
// own maps on into that map's sources, as precisely as that map does).
// With "all" (a minified bundle has no path comments), every JavaScript
// source counts as one bale bundled, and a map with no property name to
// check fails.  Other identifiers are counted too, for the record: a bundle renames
// some (a colliding top-level name, an import read from its module's
// exports, any local binding when minified).  Names: a mapping's name must be
// the identifier at its original position, and of the identifiers the bundle
// renamed, at least MIN_PERCENT must carry their original name.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(new URL("../npm/package.json", import.meta.url));
const { SourceMapConsumer } = require("source-map");
const [bundle, min, all] = [process.argv[2], Number(process.argv[3] || 98), process.argv[4] === "all"];
const code = fs.readFileSync(bundle, "utf8");
const m = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(code);
if (!m) { console.log(`${bundle}: no sourceMappingURL comment`); process.exit(1); }
const raw = m[1].startsWith("data:application/json;base64,")
  ? Buffer.from(m[1].slice("data:application/json;base64,".length), "base64").toString("utf8")
  : fs.readFileSync(path.resolve(path.dirname(bundle), m[1]), "utf8");
const map = JSON.parse(raw);
if (map.version !== 3 || map.sources.length !== (map.sourcesContent || []).length) {
  console.log(`${bundle}: not a version 3 map with sourcesContent for every source`); process.exit(1);
}
const lines = (s) => s.split(/\r\n|\r|\n|\u2028|\u2029/);
const mapDir = m[1].startsWith("data:") ? path.dirname(path.resolve(bundle)) : path.dirname(path.resolve(path.dirname(bundle), m[1]));
const bundled = new Set([...code.matchAll(/^\/\/ (.+)$/gm)].map((x) => path.resolve(x[1])));
const genLines = lines(code);
const srcLines = map.sourcesContent.map(lines);
const ident = /^[A-Za-z_$\u0080-\uffff][\w$\u0080-\uffff]*/;
let total = 0, idents = 0, same = 0, bad = 0, props = 0, propsSame = 0, through = 0;
// names: a mapping's name must be the identifier its original position starts; every identifier
// the bundle renamed (its text differs from the original one there) should carry that name
let named = 0, namedBad = 0, renamed = 0, renamedNamed = 0;
const keywords = new Set(["void", "function", "return", "var", "let", "const", "new", "typeof", "class", "this", "true", "false", "null", "in", "of", "do", "if", "else", "for", "while", "switch", "case", "default", "break", "continue", "throw", "try", "catch", "finally", "delete", "instanceof", "async", "await", "yield", "export", "import", "from", "as", "get", "set", "static", "extends", "super", "with", "debugger"]);
const examples = [];
await SourceMapConsumer.with(map, null, (c) => {
  c.eachMapping((e) => {
    if (e.source == null) return; /* a one-field segment: what follows maps to nothing */
    total++;
    const si = map.sources.indexOf(e.source) >= 0 ? map.sources.indexOf(e.source) : c.sources.indexOf(e.source);
    const src = srcLines[si];
    if (!src || e.originalLine < 1 || e.originalLine > src.length || e.originalColumn > src[e.originalLine - 1].length) {
      bad++;
      if (examples.length < 5) examples.push(`out of its source: ${e.source}:${e.originalLine}:${e.originalColumn}`);
      return;
    }
    const line = genLines[e.generatedLine - 1] || "";
    const g = ident.exec(line.slice(e.generatedColumn));
    if (!g) return;
    // through a module's own map (with all: into a source that is not JavaScript)
    if (all ? !/\.[cm]?js$/.test(e.source) : !bundled.has(path.resolve(mapDir, e.source))) { through++; return; }
    const prop = e.generatedColumn > 0 && line[e.generatedColumn - 1] === "." && line[e.generatedColumn - 2] !== "."; // not a spread
    idents++, props += prop;
    const o = ident.exec(src[e.originalLine - 1].slice(e.originalColumn));
    if (e.name != null) {
      named++;
      if (!o || o[0] !== e.name) {
        namedBad++;
        if (examples.length < 5) examples.push(`name ${e.name} at ${e.generatedLine}:${e.generatedColumn} but ${o ? o[0] : "no name"} at ${e.source}:${e.originalLine}:${e.originalColumn}`);
      }
    }
    if (o && o[0] !== g[0] && !prop && !keywords.has(g[0]) && !keywords.has(o[0]) && !g[0].startsWith("__bale")) {
      renamed++;
      if (e.name === o[0]) renamedNamed++;
      else if (process.env.CHECK_VERBOSE && examples.length < 5) examples.push(`renamed ${o[0]} -> ${g[0]} at ${e.generatedLine}:${e.generatedColumn} without its name`);
    }
    if (o && o[0] === g[0]) same++, propsSame += prop;
    else if (prop && examples.length < 5) examples.push(`${g[0]} at ${e.generatedLine}:${e.generatedColumn} maps to ${o ? o[0] : "no name"} at ${e.source}:${e.originalLine}:${e.originalColumn}`);
  });
});
const pct = props ? (100 * propsSame) / props : 100;
console.log(`${path.basename(bundle)}: ${total} mappings, ${bad} outside their source; ${props} at property names, ` +
  `${propsSame} to the same name (${pct.toFixed(2)}%); ${idents} at any identifier, ${same} to the same name; ` +
  `${through} names mapped through modules' own maps; names: ${named} given, ${namedBad} wrong; ` +
  `${renamed} renamed identifiers, ${renamedNamed} with their name`);
for (const x of examples) console.log("  " + x);
const namedPct = renamed ? (100 * renamedNamed) / renamed : 100;
process.exit(bad || namedBad || pct < min || (all && !props) || namedPct < min ? 1 : 0);
