// Browser: bale's bundles in headless Chromium against Node running the
// unbundled program.
// The programs are e2e cases (tests/e2e/<case>/, or tests/e2e-npm/<case>/;
// tests/e2e/run.sh's header says what a case holds): the ones named in
// tests/browser/cases.txt (one a line, # starts a comment), or on the
// command line.  For each case, `node <entry>` runs in the case directory;
// it must exit 0, and its stdout is what the page must print.  Then, for
// formats esm and iife (those of them the case's formats file lists), bale
// builds the entry with the case's args into a fresh directory, once plain
// and once with --splitting (platform browser is bale's default).  A small
// http server bound to 127.0.0.1 on port 0 serves that directory (.js,
// .mjs, .html and .map with their Content-Type; 404 otherwise) and an
// index.html, made here, that loads the entry's output with <script
// type="module"> (esm) or <script> (iife).  Headless Chromium (the system's
// /usr/bin/chromium, driven by playwright-core from tests/npm; one browser
// for the run, a fresh page for each build) opens the page and collects
// what it says: each console message's text (log, info, debug; any other
// kind, console.error for one, as "console.KIND: text"), each uncaught error
// as "Uncaught NAME: MESSAGE", each failed request and each HTTP error
// status as a line of its own.  The program is done once the page has
// loaded, no request is in flight, nothing new has arrived for 300 ms, and
// then the page answers (its main thread is free) that none of its
// timeouts and intervals is still to come (a script run before the page's
// own counts them); a page that is not done after 10 s fails.  Its lines
// must equal node's stdout lines, or the build fails with a diff.
// Not run, and counted as such in the summary line with the reason: a
// format the case's formats file leaves out, a format bale must refuse
// (expect-error, expect-error-formats), a format with a known difference
// from Node (known-difference), and an iife --splitting build that bale
// refuses for want of a chunk loader (once bale accepts it, it runs like
// the others).  A diagnostic marked [internal] fails the build.
// Without /usr/bin/chromium (scripts/deps.sh installs it) or playwright-core
// (scripts/npm-deps.sh installs it) the run fails at once.  It is bounded:
// bale 60 s a build, node 30 s a program, 10 s a page, 100 s in all; the
// server and the browser are closed on every way out.
// Usage: node tests/browser/run.mjs PATH_TO_BALE [CASE...]
import { spawn } from "node:child_process";
import { existsSync, readFileSync, statSync, accessSync, constants, mkdtempSync, rmSync, readdirSync, createReadStream } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { basename, dirname, extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const CHROMIUM = "/usr/bin/chromium";
const QUIET_MS = 300;
const PAGE_MS = 10_000;
const BALE_MS = 60_000;
const NODE_MS = 30_000;
const RUN_MS = 100_000;
// Builds and pages in flight at once.  On 2 cores, 3 beats 2 (a page
// spends its last 300 ms waiting) and 4 (Chromium's browser process, which
// makes every page, is then the bottleneck).
const JOBS = 3;
const DIFF_LINES = 40;
const FORMATS = ["esm", "iife"];
const MODES = ["plain", "splitting"];
// What bale said when it refused --splitting for format iife.
const NO_IIFE_LOADER = /--splitting needs --format|chunk loader for iife/;
// The console messages that node writes to stdout (console.dir and
// console.table too); other kinds are reported with their kind.
const STDOUT_KINDS = new Set(["log", "info", "debug", "dir", "dirxml", "table"]);
const TYPES = {
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".html": "text/html; charset=utf-8",
  ".map": "application/json; charset=utf-8",
};

// Run in each page before its scripts: counts the timeouts and intervals
// still to come, so that a program waiting on a timer is not taken for
// done when the page is slow to fire it (a loaded machine); the program
// sees the same functions otherwise.
const COUNT_TIMERS = `(() => {
  const pending = new Set();
  const { setTimeout: set, setInterval: every, clearTimeout: clear } = globalThis;
  const forget = (id) => { pending.delete(id); clear(id); };
  globalThis.setTimeout = function setTimeout(fn, ms, ...args) {
    const id = set(function () { pending.delete(id); return typeof fn === "function" ? fn.apply(this, arguments) : (0, eval)(String(fn)); }, ms, ...args);
    pending.add(id);
    return id;
  };
  globalThis.setInterval = function setInterval(fn, ms, ...args) {
    const id = every(fn, ms, ...args);
    pending.add(id);
    return id;
  };
  globalThis.clearTimeout = function clearTimeout(id) { forget(id); };
  globalThis.clearInterval = function clearInterval(id) { forget(id); };
  globalThis[Symbol.for("bale.browser.timers")] = () => pending.size;
})();`;

const here = dirname(fileURLToPath(import.meta.url));
const tests = resolve(here, "..");
const started = Date.now();
const children = new Set();
const servers = new Set();
let browser = null;
let context = null;
let tmp = null;

async function cleanup() {
  for (const c of children) c.kill("SIGKILL");
  for (const s of servers) { s.closeAllConnections(); s.close(); }
  if (browser) { const b = browser; browser = null; await b.close().catch(() => {}); }
  if (tmp) { rmSync(tmp, { recursive: true, force: true }); tmp = null; }
}

// die(MESSAGE): prints it, closes everything and exits 1; the jobs still
// running then fail as they will, unheard.
let stopping = false;
async function die(message) {
  if (stopping) return;
  stopping = true;
  console.log(message);
  await cleanup();
  process.exit(1);
}

for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(sig, () => die(`FAIL: stopped by ${sig}`));
process.on("unhandledRejection", (e) => die(`FAIL: the harness broke: ${e?.stack ?? e}`));
process.on("uncaughtException", (e) => die(`FAIL: the harness broke: ${e?.stack ?? e}`));
setTimeout(() => die(`FAIL: the run took more than ${RUN_MS / 1000} s`), RUN_MS).unref();

// run(CMD, ARGS, OPTIONS): the exit code, stdout and stderr of a child,
// killed after OPTIONS.timeout ms (then timedOut is true).
function run(cmd, args, { cwd, timeout }) {
  return new Promise((done) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, NO_COLOR: "1" }, stdio: ["ignore", "pipe", "pipe"] });
    children.add(child);
    let stdout = "", stderr = "", timedOut = false;
    child.stdout.setEncoding("utf8").on("data", (d) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d) => (stderr += d));
    const timer = setTimeout(() => { timedOut = true; child.kill("SIGKILL"); }, timeout);
    child.on("error", (e) => { stderr += String(e); });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      children.delete(child);
      done({ code: code ?? signal, stdout, stderr, timedOut });
    });
  });
}

const linesOf = (text) => {
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines;
};

// diff(A, B): the lines of A and B as a unified diff without hunk headers
// (the outputs are short), from their longest common subsequence.
function diff(a, b) {
  const n = a.length, m = b.length;
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const out = [];
  let i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) { out.push(`  ${a[i]}`); i++; j++; }
    else if (j < m && (i === n || lcs[i][j + 1] >= lcs[i + 1][j])) out.push(`+ ${b[j++]}`);
    else out.push(`- ${a[i++]}`);
  }
  if (out.length > DIFF_LINES) out.splice(DIFF_LINES, out.length - DIFF_LINES, `(${out.length - DIFF_LINES} more lines)`);
  return out.join("\n");
}

function readList(file) {
  return readFileSync(file, "utf8").split("\n").map((l) => l.replace(/#.*/, "").trim()).filter(Boolean);
}

function readWords(file) {
  return existsSync(file) ? readFileSync(file, "utf8").split("\n")[0].split(/\s+/).filter(Boolean) : null;
}

// serve(ROOT, HTML): a server on 127.0.0.1 (port 0) for the files of ROOT,
// with HTML as / and /index.html.
function serve(root, html) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const send = (status, type, body) => {
      res.writeHead(status, { "Content-Type": type, "Cache-Control": "no-store" });
      res.end(req.method === "HEAD" ? undefined : body);
    };
    if (req.method !== "GET" && req.method !== "HEAD") return send(405, "text/plain", "method not allowed\n");
    if (path === "/" || path === "/index.html") return send(200, TYPES[".html"], html);
    const file = resolve(root, "." + path);
    const type = TYPES[extname(file)];
    let isFile = false;
    try { isFile = file.startsWith(root + sep) && statSync(file).isFile(); } catch {}
    if (!type || !isFile) return send(404, "text/plain", "not found\n");
    res.writeHead(200, { "Content-Type": type, "Cache-Control": "no-store" });
    if (req.method === "HEAD") return res.end();
    createReadStream(file).pipe(res);
  });
  servers.add(server);
  return new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => ok(server));
  });
}

function closeServer(server) {
  servers.delete(server);
  server.closeAllConnections();
  return new Promise((ok) => server.close(ok));
}

// openPage(URL): the lines the page printed, and why it was not done
// (null when it was), from a fresh page.
async function openPage(url) {
  const lines = [];
  let inflight = 0, last = Date.now();
  const pathOf = (u) => { try { return new URL(u).pathname; } catch { return u; } };
  const say = (line) => { lines.push(...linesOf(line + "\n")); last = Date.now(); };
  let page = null;
  try {
    page = await context.newPage();
    page.on("console", (m) => say(STDOUT_KINDS.has(m.type()) ? m.text() : `console.${m.type()}: ${m.text()}`));
    page.on("pageerror", (e) => say(`Uncaught ${e.name ? e.name + ": " : ""}${e.message}`));
    page.on("request", () => { inflight++; last = Date.now(); });
    page.on("requestfinished", () => { inflight--; last = Date.now(); });
    page.on("requestfailed", (r) => { inflight--; say(`Failed request ${pathOf(r.url())}: ${r.failure()?.errorText}`); });
    page.on("response", (r) => { if (r.status() >= 400) say(`HTTP ${r.status()} ${pathOf(r.url())}`); });
    const deadline = Date.now() + PAGE_MS;
    try {
      await page.goto(url, { waitUntil: "load", timeout: PAGE_MS });
    } catch (e) {
      return { lines, notDone: `the page did not load in ${PAGE_MS / 1000} s: ${e.message.split("\n")[0]}` };
    }
    let timers = null;
    for (;;) {
      const left = deadline - Date.now();
      if (left <= 0)
        return { lines, notDone: `not done after ${PAGE_MS / 1000} s (${inflight} requests in flight${timers === null ? "" : `, ${timers} timers pending`}, last output ${Date.now() - last} ms ago)` };
      if (inflight === 0 && Date.now() - last >= QUIET_MS) {
        // The answer comes once the page's main thread is free, after the
        // console messages it sent before it.
        const mark = last;
        timers = await Promise.race([
          page.evaluate(`globalThis[Symbol.for("bale.browser.timers")]()`).catch(() => -1),
          new Promise((r) => setTimeout(r, left, -1)),
        ]);
        if (timers === 0 && last === mark && inflight === 0) return { lines, notDone: null };
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    await page?.close().catch(() => {});
  }
}

// A case, checked and with node's output (a promise), or a failure.
function loadCase(name) {
  let dir = name.includes("/") ? resolve(name) : join(tests, "e2e", name);
  if (!existsSync(dir) && !name.includes("/")) dir = join(tests, "e2e-npm", name);
  name = basename(dir);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return { name, error: "no such case" };
  if (existsSync(join(dir, "needs-npm")) && !existsSync(join(tests, "npm", "node_modules")))
    return { name, error: "tests/npm/node_modules is missing (run scripts/npm-deps.sh)" };
  const entry = ["index.js", "index.mjs", "index.cjs"].find((e) => existsSync(join(dir, e)));
  if (!entry) return { name, error: "no index.js, index.mjs or index.cjs" };
  const args = readWords(join(dir, "args")) ?? [];
  const formats = readWords(join(dir, "formats")) ?? ["iife", "cjs", "esm"];
  let refused = [];
  if (existsSync(join(dir, "expect-error"))) refused = readWords(join(dir, "expect-error-formats")) ?? ["iife", "cjs", "esm"];
  const known = readWords(join(dir, "known-difference")) ?? [];
  let ran = null;
  const node = () => (ran ??= run(process.execPath, [entry], { cwd: dir, timeout: NODE_MS }));
  return { name, dir, entry, args, formats, refused, known, node };
}

// One build of a case in the browser: { status: "pass" | "fail" | "notrun",
// report (lines to print), reason (notrun) }.
async function check(c, format, mode) {
  const label = `${c.name} (${format}, ${mode})`;
  const fail = (why, ...more) => ({ status: "fail", report: [`FAIL ${label}: ${why}`, ...more.filter(Boolean)] });
  const want = await c.node();
  if (want.code !== 0) {
    const first = !c.nodeReported;
    c.nodeReported = true;
    return fail(`node ${c.entry} exits ${want.code}${want.timedOut ? " (timed out)" : ""}: not a program for the browser`, first && want.stderr.trimEnd());
  }
  const out = join(tmp, c.name, `${format}-${mode}`);
  const flags = [c.entry, ...c.args, `--format=${format}`, `--outdir=${out}`];
  if (mode === "splitting") flags.push("--splitting");
  const built = await run(bale, flags, { cwd: c.dir, timeout: BALE_MS });
  if (built.code !== 0) {
    if (format === "iife" && mode === "splitting" && built.code === 1 && NO_IIFE_LOADER.test(built.stderr))
      return { status: "notrun", reason: "no iife chunk loader", report: [`NOT RUN ${label}: bale has no chunk loader for iife`] };
    return fail(`bale failed (exit ${built.code}${built.timedOut ? ", timed out" : ""})`, built.stderr.trimEnd());
  }
  if (built.stderr.includes("[internal]")) return fail("bale reported a bug of its own", built.stderr.trimEnd());
  const script = c.entry.replace(/\.[cm]?js$/, ".js");
  if (!existsSync(join(out, script)))
    return fail(`bale wrote no ${script} (it wrote: ${readdirSync(out).join(" ")})`);
  const tag = format === "esm" ? `<script type="module" src="./${script}"></script>` : `<script src="./${script}"></script>`;
  const html = `<!doctype html>\n<html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${c.name}</title></head>\n<body>${tag}</body></html>\n`;
  const server = await serve(out, html);
  let page;
  try {
    page = await openPage(`http://127.0.0.1:${server.address().port}/`);
  } finally {
    await closeServer(server);
  }
  const expected = linesOf(want.stdout);
  const d = diff(expected, page.lines);
  if (page.notDone) return fail(page.notDone, `--- node ${c.entry}\n+++ the page, so far\n${d}`);
  if (expected.join("\n") !== page.lines.join("\n")) return fail(`the page's output differs from node ${c.entry}`, `--- node ${c.entry}\n+++ the page\n${d}`);
  return { status: "pass", report: [`PASS ${label}`] };
}

// The builds of a case: a promise of a result for each.
function plan(c) {
  if (c.error) return [Promise.resolve({ status: "fail", report: [`FAIL ${c.name}: ${c.error}`] })];
  const jobs = [];
  for (const format of FORMATS)
    for (const mode of MODES) {
      const label = `${c.name} (${format}, ${mode})`;
      const notrun = (reason, why) => jobs.push(Promise.resolve({ status: "notrun", reason, report: [`NOT RUN ${label}: ${why}`] }));
      if (!c.formats.includes(format)) notrun("not in the case's formats", `the case's formats file leaves ${format} out`);
      else if (c.refused.includes(format)) notrun("bale refuses the program", `bale must refuse it in ${format} (expect-error)`);
      else if (c.known.includes(format)) notrun("known difference from node", `a known difference from Node in ${format} (known-difference)`);
      else jobs.push(() => check(c, format, mode));
    }
  return jobs;
}

// Pool(N): runs at most N jobs at once; add(JOB) is JOB's result (a promise).
function pool(n) {
  let running = 0;
  const queue = [];
  const next = () => {
    while (running < n && queue.length) {
      const { job, ok } = queue.shift();
      running++;
      ok(job().catch((e) => ({ status: "fail", report: [`FAIL: the harness broke: ${e.stack}`] })).finally(() => { running--; next(); }));
    }
  };
  return (job) => new Promise((ok) => { queue.push({ job, ok }); next(); });
}

if (process.argv.length < 3) await die("usage: node tests/browser/run.mjs PATH_TO_BALE [CASE...]");
const bale = resolve(process.argv[2]);
try { accessSync(bale, constants.X_OK); } catch { await die(`FAIL: ${bale} is not an executable (build bale first)`); }
if (!existsSync(CHROMIUM)) await die(`FAIL: ${CHROMIUM} is missing: the browser tests need Debian's chromium (scripts/deps.sh installs it)`);
let chromium;
try {
  ({ chromium } = createRequire(join(tests, "npm", "package.json"))("playwright-core"));
} catch (e) {
  await die(`FAIL: playwright-core is missing from tests/npm/node_modules (scripts/npm-deps.sh installs it): ${e.message.split("\n")[0]}`);
}
const names = process.argv.length > 3 ? process.argv.slice(3) : readList(join(here, "cases.txt"));
tmp = mkdtempSync(join(tmpdir(), "bale-browser-"));
try {
  // The container runs as root, where Chromium's sandbox cannot start; the
  // pages are our own tests on 127.0.0.1.
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-dev-shm-usage"],
    handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
    timeout: 30_000,
  });
  // One context, a fresh page for each build: each build has a server of
  // its own, so an origin of its own (a fresh context would cost a fifth
  // more time for no more isolation).
  context = await browser.newContext();
  await context.addInitScript({ content: COUNT_TIMERS });
} catch (e) {
  await die(`FAIL: ${CHROMIUM} did not start through playwright-core: ${e.message}`);
}

const add = pool(JOBS);
const results = names.map(loadCase).flatMap(plan).map((j) => (typeof j === "function" ? add(j) : j));
const counts = { pass: 0, fail: 0, notrun: 0 };
const reasons = new Map();
for (const r of results) {
  const result = await r;
  if (stopping) await new Promise(() => {});
  for (const line of result.report) console.log(line);
  counts[result.status]++;
  if (result.status === "notrun") reasons.set(result.reason, (reasons.get(result.reason) ?? 0) + 1);
}
await cleanup();
const why = [...reasons].map(([reason, n]) => `${n} ${reason}`).join(", ");
console.log(`(${names.length} cases in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
console.log(`browser: ${counts.pass} passed, ${counts.fail} failed, ${counts.notrun} not run${why ? ` (${why})` : ""}`);
process.exit(counts.fail === 0 && counts.pass > 0 ? 0 : 1);
