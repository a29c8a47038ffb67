function __bale_name__(fn, from, to) {
  if (fn.name === from)
    Object.defineProperty(fn, "name", { value: to, configurable: true });
  return fn;
}
__bale_name__(__bale_default_2, "__bale_default_2", "default");
// lib.mjs
function helper() { return "h"; }
const other = 1;

// index.mjs

let count = 0;
function inc() { count++; }
function __bale_default_2 () { return helper(); }


export { count as count, inc as inc, __bale_default_2 as default, helper as helper, other as other };
