// bench/scale/check.mjs: does a bundle of bench/scale/run.sh run and print
// what its project's expected.txt says (corpus.mjs computed it)?  Runs
// `node BUNDLE` as a child process, at most CAP seconds, and prints one
// JSON line: {ok, detail}.  With MAP (the production builds'
// --sourcemap=external), the source map must also hold together with the
// bundle: version 3 JSON with sources, not linked from the bundle (external),
// and every mapping well formed (base64 VLQ, 1, 4 or 5 fields), on one of the
// bundle's lines and columns, pointing at one of its sources and names.
// A directory for BUNDLE is a code-split build (the splitting shape):
// node runs its index.js (run.sh has put a package.json of "type":
// "module" beside it), which must load at least one chunk of the
// directory: a build of index.js alone, every import() inlined, fails.
//   node check.mjs BUNDLE EXPECTED CAP [MAP]
//   node check.mjs OUTDIR EXPECTED CAP
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const [output, expectedFile, cap, mapFile] = process.argv.slice(2);
const split = existsSync(output) && statSync(output).isDirectory();
const bundle = split ? join(output, "index.js") : output;
// The JavaScript files of a code-split build, index.js included.
const files = split ? readdirSync(output, { recursive: true }).filter((f) => /\.m?js$/.test(f)) : [];
const say = (ok, detail) => console.log(JSON.stringify({ ok, detail }));

// What is wrong with the source map MAP of CODE, or "" if nothing.
const mapFault = (file, code) => {
  if (!existsSync(file)) return "no source map file";
  let map;
  try {
    map = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    return `source map is not JSON: ${e.message.slice(0, 100)}`;
  }
  if (map.version !== 3) return `source map version ${map.version}, not 3`;
  if (!Array.isArray(map.sources) || !map.sources.length) return "source map has no sources";
  if (typeof map.mappings !== "string" || !map.mappings) return "source map has no mappings";
  const names = Array.isArray(map.names) ? map.names.length : 0;
  const lines = code.split("\n");
  if (/[#@] sourceMappingURL=/.test(lines.slice(-3).join("\n"))) return "the bundle links its map (not external)";
  const digit = new Int8Array(128).fill(-1);
  [..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"].forEach((c, i) => (digit[c.charCodeAt(0)] = i));
  const m = map.mappings;
  let line = 0, col = 0, src = 0, name = 0, count = 0;
  const f = [0, 0, 0, 0, 0];
  for (let i = 0; i <= m.length; ) {
    const c = m.charCodeAt(i);
    if (i === m.length || c === 59 /* ; */) {
      line++, col = 0, i++;
      continue;
    }
    if (c === 44 /* , */) return `source map: empty segment on generated line ${line + 1}`;
    let k = 0; // one segment: fields up to , ; or the end
    while (i < m.length && m.charCodeAt(i) !== 44 && m.charCodeAt(i) !== 59) {
      let v = 0, shift = 0, d;
      do {
        d = i < m.length ? digit[m.charCodeAt(i) & 127] : -1;
        if (d < 0 || m.charCodeAt(i) > 127) return `source map: bad VLQ at mappings[${i}]`;
        v += (d & 31) * 2 ** shift, shift += 5, i++;
      } while (d & 32);
      if (k === 5) return `source map: a segment of more than 5 fields on generated line ${line + 1}`;
      f[k++] = v % 2 ? -(v - 1) / 2 : v / 2;
    }
    if (k === 2 || k === 3) return `source map: a segment of ${k} fields on generated line ${line + 1}`;
    if (line >= lines.length) return `source map: mappings for line ${line + 1}, the bundle has ${lines.length}`;
    col += f[0];
    if (col < 0 || col > lines[line].length) return `source map: column ${col} on line ${line + 1} of ${lines[line].length}`;
    if (k >= 4) {
      src += f[1];
      if (src < 0 || src >= map.sources.length) return `source map: source ${src} of ${map.sources.length}`;
      if (k === 5 && ((name += f[4]) < 0 || name >= names)) return `source map: name ${name} of ${names}`;
    }
    count++;
    if (i < m.length && m.charCodeAt(i) === 44) i++;
  }
  return count ? "" : "source map has no mappings";
};

const want = readFileSync(expectedFile, "utf8").trim();
if (!existsSync(bundle)) {
  say(false, split ? "no index.js in the output directory" : "no output file");
} else if (split && files.length < 2) {
  say(false, "not split: index.js is the only JavaScript file of the output directory");
} else {
  const r = spawnSync(process.execPath, [bundle], { encoding: "utf8", timeout: Number(cap || 120) * 1000, maxBuffer: 1 << 26 });
  const got = (r.stdout || "").trim();
  const first = (s) => String(s || "").trim().split("\n").slice(0, 2).join(" | ").slice(0, 160);
  // Node prints the failing source line first; the error's own line says more.
  const error = (s) => String(s || "").split("\n").find((l) => /^\w*(Error|Exception)\b/.test(l))?.slice(0, 160) || first(s);
  const fault = mapFile ? mapFault(mapFile, readFileSync(bundle, "utf8")) : "";
  if (r.error) say(false, `node: ${r.error.code || r.error.message}`);
  else if (r.status !== 0) say(false, `node exited ${r.status ?? r.signal}: ${error(r.stderr)}`);
  else if (got !== want) say(false, `printed "${first(got)}", expected "${want}"`);
  else if (fault) say(false, fault);
  else say(true, split ? `${want} (${files.length} files)` : want);
}
