function __bale_name__(fn, from, to) {
  if (fn.name === from)
    Object.defineProperty(fn, "name", { value: to, configurable: true });
  return fn;
}
__bale_name__(index_default, "index_default", "default");
// lib.mjs
function helper() { return "h"; }
const other = 1;

// index.mjs

let count = 0;
function inc() { count++; }
function index_default () { return helper(); }


export { count, inc, index_default as default, helper, other };
