// bench/scale/check.mjs: does a bundle of bench/scale/run.sh run and print
// what its project's expected.txt says (corpus.mjs computed it)?  Runs
// `node BUNDLE` as a child process, at most CAP seconds, and prints one
// JSON line: {ok, detail}.
//   node check.mjs BUNDLE EXPECTED CAP
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";

const [bundle, expectedFile, cap] = process.argv.slice(2);
const say = (ok, detail) => console.log(JSON.stringify({ ok, detail }));
const want = readFileSync(expectedFile, "utf8").trim();
if (!existsSync(bundle)) {
  say(false, "no output file");
} else {
  const r = spawnSync(process.execPath, [bundle], { encoding: "utf8", timeout: Number(cap || 120) * 1000, maxBuffer: 1 << 26 });
  const got = (r.stdout || "").trim();
  const first = (s) => String(s || "").trim().split("\n").slice(0, 2).join(" | ").slice(0, 160);
  // Node prints the failing source line first; the error's own line says more.
  const error = (s) => String(s || "").split("\n").find((l) => /^\w*(Error|Exception)\b/.test(l))?.slice(0, 160) || first(s);
  if (r.error) say(false, `node: ${r.error.code || r.error.message}`);
  else if (r.status !== 0) say(false, `node exited ${r.status ?? r.signal}: ${error(r.stderr)}`);
  else if (got !== want) say(false, `printed "${first(got)}", expected "${want}"`);
  else say(true, want);
}
