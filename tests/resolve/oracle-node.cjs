// tests/resolve/oracle-node.cjs: asks Node itself where requests resolve.
// Run by gen-expected.mjs as
//   node --expose-internals [--conditions=X]... [--preserve-symlinks] oracle-node.cjs
// with a JSON array of {kind, from, request} on stdin; prints a JSON array of
// {path} | {builtin} | {error} on stdout.
//   require: createRequire(FROM/__issuer__.js).resolve(REQUEST), exactly what
//            require() in a file of FROM would load (conditions from the flag);
//   import:  Node's ESM resolver (the one `import` uses) with the conditions
//            Node uses by default plus the --conditions ones.
'use strict';
const { createRequire, isBuiltin } = require('module');
const { pathToFileURL, fileURLToPath } = require('url');
const { defaultResolve } = require('internal/modules/esm/resolve');

const userConditions = process.execArgv
  .filter((a) => a.startsWith('--conditions='))
  .map((a) => a.slice('--conditions='.length));
const esmConditions = ['node', 'import', 'node-addons', ...userConditions];

function answer(kind, from, request) {
  const issuer = from + '/__issuer__.js';
  try {
    if (kind === 'require') {
      const p = createRequire(issuer).resolve(request);
      return p.startsWith('/') ? { path: p } : { builtin: p };
    }
    const { url } = defaultResolve(request, { parentURL: pathToFileURL(issuer).href, conditions: esmConditions });
    if (url.startsWith('file:')) return { path: fileURLToPath(url) };
    // The resolver passes any node: URL through; loading an unknown one fails.
    if (url.startsWith('node:') && !isBuiltin(url)) return { error: 'ERR_UNKNOWN_BUILTIN_MODULE' };
    return { builtin: url };
  } catch (e) {
    return { error: e.code || e.message };
  }
}

let input = '';
process.stdin.on('data', (d) => (input += d));
process.stdin.on('end', () => {
  const out = JSON.parse(input).map((c) => answer(c.kind, c.from, c.request));
  process.stdout.write(JSON.stringify(out));
});
