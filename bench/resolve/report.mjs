// bench/resolve/report.mjs: the closing table of the resolver benchmark.
//   node bench/resolve/report.mjs CORPUS RESULTS.jsonl ANSWERS_PREFIX
// RESULTS.jsonl holds one JSON line per resolver (bench_resolve, peers.mjs);
// answers are compared line by line with bale's single-threaded run.
import fs from 'node:fs';

const [corpus, resultsFile, prefix] = process.argv.slice(2);
const rows = fs
  .readFileSync(resultsFile, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l));
const read = (name) => fs.readFileSync(`${prefix}.${name}.txt`, 'utf8').split('\n');
const bale = rows.find((r) => r.name.startsWith('bale (1'));
const baleAnswers = read('bale');
const total = bale.resolved + bale.failed;

console.log(`\n== ${corpus}: ${total} requests ==`);
console.log('resolver'.padEnd(22) + 'best ms'.padStart(10) + '   vs bale(1t)' + '   resolved' + '   same answer as bale');
for (const r of rows) {
  let same = '';
  if (!r.name.startsWith('bale')) {
    const a = read(r.name);
    let n = 0;
    for (let i = 0; i < total; i++) if (a[i] === baleAnswers[i]) n++;
    same = `${n} (${((100 * n) / total).toFixed(2)}%)`;
  }
  const ratio = (r.best_ms / bale.best_ms).toFixed(2) + 'x';
  console.log(
    r.name.padEnd(22) + r.best_ms.toFixed(1).padStart(10) + ratio.padStart(14) + String(r.resolved).padStart(11) + '   ' + same
  );
}
const perDir = bale.fs_calls / bale.dirs;
console.log(
  `bale file-system calls: ${bale.fs_calls} for ${bale.dirs} unique directories = ${perDir.toFixed(2)} per directory ` +
    `(${bale.dirs_listed} listings, ${bale.package_jsons} package.json reads, ${bale.stats} stats, ${bale.readlinks} readlinks)`
);
