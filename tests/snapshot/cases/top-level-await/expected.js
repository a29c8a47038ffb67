var __bale_cache__ = {}, __bale_started__ = {};
function __bale_module__(id) {
  return __bale_cache__[id] || (__bale_cache__[id] = { exports: {} });
}
function __bale_require__(id) {
  var module = __bale_module__(id);
  if (!__bale_started__[id]) {
    __bale_started__[id] = true;
    __bale_modules__[id].call(module.exports, module, module.exports);
  }
  return module.exports;
}
function __bale_esm__(id) {
  var module = __bale_module__(id);
  if (!module.__bale_esm__) module.__bale_esm__ = true, module.exports = Object.create(null);
  return module.exports;
}
function __bale_export__(id, getters) {
  var ns = __bale_esm__(id);
  for (var name in getters) Object.defineProperty(ns, name, { enumerable: true, get: getters[name] });
  if (typeof Symbol === "function" && Symbol.toStringTag)
    Object.defineProperty(ns, Symbol.toStringTag, { value: "Module" });
  Object.preventExtensions(ns);
}
var __bale_records__ = {}, __bale_async_order__ = 0;
function __bale_record__(id) {
  return __bale_records__[id] || (__bale_records__[id] = { id: id, status: 0, parents: [], pending: 0,
    order: 0, async: false, failed: false, error: void 0, root: null, cap: null, gen: null });
}
function __bale_inner__(r, stack, index) {
  if (r.status >= 2) { if (r.failed) throw r.error; return index; }
  if (r.status === 1) return index;
  var entry = __bale_modules__[r.id], module = __bale_module__(r.id);
  r.status = 1; r.index = r.low = index++; stack.push(r);
  r.gen = entry[0].call(void 0, module, module.exports);
  r.gen.next();
  for (var i = 0; i < entry[1].length; i++) {
    var id = entry[1][i];
    if (!Array.isArray(__bale_modules__[id])) { __bale_require__(id); continue; }
    var q = __bale_record__(id);
    index = __bale_inner__(q, stack, index);
    if (q.status === 1) r.low = Math.min(r.low, q.low);
    else { q = q.root || q; if (q.failed) throw q.error; }
    if (q.async) { r.pending++; q.parents.push(r); }
  }
  if (r.pending > 0 || entry[2]) {
    r.async = true; r.order = ++__bale_async_order__;
    if (r.pending === 0) __bale_run_async__(r);
  } else {
    r.gen.next();
  }
  if (r.low === r.index) {
    var m;
    do { m = stack.pop(); m.status = m.async ? 2 : 3; m.root = r; } while (m !== r);
  }
  return index;
}
function __bale_run_async__(r) {
  new Promise(function (resolve, reject) {
    (function step(method, value) {
      var res;
      try { res = r.gen[method](value); } catch (e) { reject(e); return; }
      if (res.done) resolve();
      else Promise.resolve(res.value).then(function (v) { step("next", v); }, function (e) { step("throw", e); });
    })("next");
  }).then(function () { __bale_fulfilled__(r); }, function (e) { __bale_rejected__(r, e); });
}
function __bale_gather__(r, list) {
  r.parents.forEach(function (m) {
    if (list.indexOf(m) >= 0 || m.root.failed) return;
    if (--m.pending === 0) { list.push(m); if (!__bale_modules__[m.id][2]) __bale_gather__(m, list); }
  });
}
function __bale_fulfilled__(r) {
  if (r.status === 3) return;
  r.async = false; r.status = 3;
  if (r.cap) r.cap.resolve();
  var list = [];
  __bale_gather__(r, list);
  list.sort(function (a, b) { return a.order - b.order; });
  list.forEach(function (m) {
    if (m.status === 3) return;
    if (__bale_modules__[m.id][2]) return __bale_run_async__(m);
    try { m.gen.next(); } catch (e) { return __bale_rejected__(m, e); }
    m.async = false; m.status = 3;
    if (m.cap) m.cap.resolve();
  });
}
function __bale_rejected__(r, e) {
  if (r.status === 3) return;
  r.failed = true; r.error = e; r.status = 3;
  r.parents.forEach(function (m) { __bale_rejected__(m, e); });
  if (r.cap) r.cap.reject(e);
}
function __bale_evaluate__(id) {
  var r = __bale_record__(id);
  if (r.status >= 2 && r.root) r = r.root;
  if (r.cap) return r.cap.promise;
  var cap = r.cap = {};
  cap.promise = new Promise(function (resolve, reject) { cap.resolve = resolve; cap.reject = reject; });
  var stack = [];
  try {
    __bale_inner__(r, stack, 0);
    if (!r.async) cap.resolve();
  } catch (e) {
    stack.forEach(function (m) { m.status = 3; m.failed = true; m.error = e; });
    cap.reject(e);
  }
  return cap.promise;
}
function __bale_enter__(id) {
  var p = __bale_evaluate__(id), r = __bale_records__[id];
  p.catch(function () {});
  if (r.failed) throw r.error;
  return r.async ? p : null;
}
function __bale_import__(id) {
  return Promise.resolve().then(function () { return __bale_evaluate__(id); }).then(function () {
    return __bale_module__(id).exports;
  });
}
function __bale_for_await__(x) {
  var m = x[Symbol.asyncIterator];
  if (m != null) return m.call(x);
  var it = x[Symbol.iterator]();
  function step(r) { return Promise.resolve(r.value).then(function (v) { return { value: v, done: r.done }; }); }
  return { next: function (v) { return step(it.next(v)); },
    return: it.return && function (v) { return step(it.return(v)); } };
}
var __bale_modules__ = {
// slow.mjs
1: [function* (__bale_module, __bale_exports) {
"use strict";
__bale_export__(1, { v: () => v });
yield;
const v = (yield Promise.resolve(1));
try { for (var __bale_fa0 = __bale_for_await__( [3]), __bale_fs0; !(__bale_fs0 = void 0, __bale_fs0 = (yield __bale_fa0.next())).done; ) { const y = __bale_fs0.value;  console.log(y); } } finally { if (__bale_fs0 && !__bale_fs0.done && __bale_fa0.return) (yield __bale_fa0.return()); }

}, [], 1],
// sync.mjs
2: function (__bale_module, __bale_exports) {
"use strict";
__bale_export__(2, {});
console.log("sync");

},
// index.mjs
3: [function* () { yield; }, [1, 2], 0],
};
// index.mjs
var __bale_module = __bale_module__(3);
__bale_export__(3, {});
var __bale_m1 = __bale_esm__(1);
var __bale_m2 = __bale_esm__(2);
var __bale_wait = __bale_enter__(3);
if (__bale_wait) await __bale_wait;


console.log(__bale_m1.v);
for await (const x of [1, 2]) console.log(x);

