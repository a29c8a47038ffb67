/* output/runtime.c: the bundle's runtime, as JavaScript text.
 * In:  the union of a chunk's runtime requirements (OUT_RT_*).  Out: the
 * helpers, appended to the chunk's text.  Order: called by chunk_text.c.
 *
 * __bale_require__ runs a module's wrapper function once and caches its
 * module object before running it, so a module required again while it is
 * still running (a cycle) gets its partly filled exports, as Node's require
 * does; ES modules define their export getters first thing, so a cycle sees
 * every export (reading one that is not initialized yet throws, as in Node).
 * __bale_module__ gives a module's object without running it: an ES module
 * takes the exports objects of everything it imports before any of them
 * runs (Node links before it evaluates), so a function called early in a
 * cycle already sees the imports of its own module.
 * The other helpers are written only when a module uses them. */
#include "output/output.h"

#include "output/edits.h"

#include <string.h>

static const char module_js[] =
    "var __bale_cache__ = {}, __bale_started__ = {};\n"
    "function __bale_module__(id) {\n"
    "  return __bale_cache__[id] || (__bale_cache__[id] = { exports: {} });\n"
    "}\n";

static const char require_js[] =
    "function __bale_require__(id) {\n"
    "  var module = __bale_module__(id);\n"
    "  if (!__bale_started__[id]) {\n"
    "    __bale_started__[id] = true;\n"
    "    __bale_modules__[id].call(module.exports, module, module.exports@);\n"
    "  }\n"
    "  return module.exports;\n"
    "}\n";

/* The same, when a require() or import() call could catch a module's
 * error and ask for the module again: an ES module that threw keeps its
 * error and throws it to every later importer (Node's ESM), a CommonJS
 * module that threw leaves the cache and runs again next time (Node's
 * require).  ES modules say what they are in __bale_export__. */
static const char require_retry_js[] =
    "function __bale_require__(id) {\n"
    "  var module = __bale_module__(id);\n"
    "  if (module.__bale_failed__) throw module.__bale_error__;\n"
    "  if (!__bale_started__[id]) {\n"
    "    __bale_started__[id] = true;\n"
    "    try {\n"
    "      __bale_modules__[id].call(module.exports, module, module.exports@);\n"
    "    } catch (e) {\n"
    "      if (module.__bale_esm__) module.__bale_failed__ = true, module.__bale_error__ = e;\n"
    "      else delete __bale_cache__[id], delete __bale_started__[id];\n"
    "      throw e;\n"
    "    }\n"
    "  }\n"
    "  return module.exports;\n"
    "}\n";

/* An ES module's exports object is its namespace, as Node makes it: no
 * prototype, one enumerable getter per export in code unit order (so
 * importers read live bindings), the tag "Module", and not extensible.
 * It is made by whoever first needs it (__bale_esm__: an importer links
 * to it before the module runs) and filled when the module starts.  With
 * open, names from `export *` that only run time knows follow
 * (__bale_reexport__ sorts and closes it). */
static const char esm_js[] =
    "function __bale_esm__(id) {\n"
    "  var module = __bale_module__(id);\n"
    "  if (!module.__bale_esm__) module.__bale_esm__ = true, module.exports = Object.create(null);\n"
    "  return module.exports;\n"
    "}\n";

/* Without a module table (scope hoisting put every module in the chunk's
 * scope, and nothing asks for a module object), a namespace is all there
 * is of a module. */
static const char esm_lean_js[] =
    "var __bale_cache__ = {};\n"
    "function __bale_esm__(id) {\n"
    "  return __bale_cache__[id] || (__bale_cache__[id] = Object.create(null));\n"
    "}\n";

static const char export_js[] =
    "function __bale_export__(id, getters, open) {\n"
    "  var ns = __bale_esm__(id);\n"
    "  for (var name in getters)\n"
    "    Object.defineProperty(ns, name, { enumerable: true, configurable: !!open, get: getters[name] });\n"
    "  if (typeof Symbol === \"function\" && Symbol.toStringTag)\n"
    "    Object.defineProperty(ns, Symbol.toStringTag, { value: \"Module\" });\n"
    "  if (!open) Object.preventExtensions(ns);\n"
    "}\n";

/* The same when no namespace gets names at run time (no __bale_reexport__). */
static const char export_closed_js[] =
    "function __bale_export__(id, getters) {\n"
    "  var ns = __bale_esm__(id);\n"
    "  for (var name in getters) Object.defineProperty(ns, name, { enumerable: true, get: getters[name] });\n"
    "  if (typeof Symbol === \"function\" && Symbol.toStringTag)\n"
    "    Object.defineProperty(ns, Symbol.toStringTag, { value: \"Module\" });\n"
    "  Object.preventExtensions(ns);\n"
    "}\n";

/* export * from, for each of froms in order: every name but default,
 * unless the namespace has it already (its own exports, or an earlier
 * export *) or it is one of skip, the names two export * give with
 * different bindings (ambiguous: Node leaves them out; the link pass finds
 * them).  Then the names are put in code unit order and the namespace is
 * closed, as __bale_export__ does when no name comes at run time. */
static const char reexport_js[] =
    "function __bale_reexport__(id, froms, skip) {\n"
    "  var ns = __bale_esm__(id), get = Object.create(null);\n"
    "  Object.keys(ns).forEach(function (name) { get[name] = Object.getOwnPropertyDescriptor(ns, name).get; });\n"
    "  froms.forEach(function (from) {\n"
    "    Object.keys(from).forEach(function (name) {\n"
    "      if (name !== \"default\" && !(name in get) && !(skip && skip.indexOf(name) >= 0))\n"
    "        get[name] = function () { return from[name]; };\n"
    "    });\n"
    "  });\n"
    "  var names = Object.keys(get).sort();\n"
    "  names.forEach(function (name) { delete ns[name]; });\n"
    "  names.forEach(function (name) { Object.defineProperty(ns, name, { enumerable: true, get: get[name] }); });\n"
    "  Object.preventExtensions(ns);\n"
    "}\n";

/* The namespace an import sees of a module that is not an ES module,
 * one per module (a WeakMap from its exports), as esbuild's convention
 * for bundled code: the module itself when it says __esModule (compiled
 * ESM), else its properties plus default = module.exports. */
static const char ns_js[] =
    "var __bale_nss__ = typeof WeakMap === \"function\" ? new WeakMap() : null;\n"
    "function __bale_ns__(mod) {\n"
    "  if (mod && mod.__esModule) return mod;\n"
    "  var keep = __bale_nss__ && mod !== null && (typeof mod === \"object\" || typeof mod === \"function\");\n"
    "  var ns = keep && __bale_nss__.get(mod);\n"
    "  if (ns) return ns;\n"
    "  ns = {};\n"
    "  if (mod != null && (typeof mod === \"object\" || typeof mod === \"function\"))\n"
    "    Object.keys(mod).forEach(function (name) {\n"
    "      if (name !== \"default\")\n"
    "        Object.defineProperty(ns, name, { enumerable: true, get: function () { return mod[name]; } });\n"
    "    });\n"
    "  Object.defineProperty(ns, \"default\", { enumerable: true, value: mod });\n"
    "  if (keep) __bale_nss__.set(mod, ns);\n"
    "  return ns;\n"
    "}\n";

/* The namespace an ES module that Node runs as one (.mjs, "type":
 * "module") sees of a CommonJS module, a JSON module or a built-in, as
 * Node makes it: default is module.exports whatever __esModule says, the
 * other names are the ones Node's CommonJS lexer finds (names; null: the
 * exports' own keys, as for a built-in), each read once, now that the
 * module has run (a default among them is not read: no getter runs); in
 * code unit order, no prototype, the Module tag, not extensible.  One per
 * module (kept on its module object, or for an external by its exports). */
static const char node_ns_js[] =
    "var __bale_node_nss__ = typeof WeakMap === \"function\" ? new WeakMap() : null;\n"
    "function __bale_node_ns__(mod, names, module) {\n"
    "  var ns = module ? module.__bale_node_ns__ : __bale_node_nss__ && __bale_node_nss__.get(mod);\n"
    "  if (ns) return ns;\n"
    "  var obj = mod !== null && (typeof mod === \"object\" || typeof mod === \"function\"), values = Object.create(null);\n"
    "  (names || (obj ? Object.keys(mod) : [])).forEach(function (name) {\n"
    "    if (name === \"default\") return;\n"
    "    try { values[name] = obj && Object.prototype.hasOwnProperty.call(mod, name) ? mod[name] : void 0; } catch (e) { values[name] = void 0; }\n"
    "  });\n"
    "  values[\"default\"] = mod;\n"
    "  ns = Object.create(null);\n"
    "  Object.keys(values).sort().forEach(function (name) {\n"
    "    var value = values[name];\n"
    "    Object.defineProperty(ns, name, { enumerable: true, get: function () { return value; } });\n"
    "  });\n"
    "  if (typeof Symbol === \"function\" && Symbol.toStringTag)\n"
    "    Object.defineProperty(ns, Symbol.toStringTag, { value: \"Module\" });\n"
    "  Object.preventExtensions(ns);\n"
    "  if (module) module.__bale_node_ns__ = ns;\n"
    "  else if (__bale_node_nss__ && obj) __bale_node_nss__.set(mod, ns);\n"
    "  return ns;\n"
    "}\n";

/* A CommonJS module's own require, for what it does with require besides
 * calling it with a string (those calls are the bundle's): require.main is
 * the entry's module object (chunk_text.c sets __bale_main__, and its id
 * ".", as Node's), and calling it, require.resolve and require.cache are
 * the bundle's own require's (the one Node gives the bundle, or with
 * format esm the one createRequire made), resolving from the bundle's
 * place, as a require of an external does. */
static const char module_require_js[] =
    "var __bale_main__ = void 0, __bale_outer_require__ = typeof require === \"function\" ? require : void 0;\n"
    "function __bale_module_require__(module) {\n"
    "  var outer = typeof __bale_req__ === \"function\" ? __bale_req__ : __bale_outer_require__;\n"
    "  function require(id) {\n"
    "    if (!outer) throw new Error(\"Cannot find module '\" + id + \"'\");\n"
    "    return outer(id);\n"
    "  }\n"
    "  require.main = __bale_main__;\n"
    "  if (outer) require.resolve = outer.resolve, require.cache = outer.cache;\n"
    "  return require;\n"
    "}\n";

/* What require() of an ES module gives, as Node's require(esm): its
 * namespace, or, when it has a default export, a namespace of the same
 * names plus __esModule = true (so that CommonJS code compiled from ESM
 * picks .default); one per module. */
static const char cjs_js[] =
    "var __bale_views__ = typeof WeakMap === \"function\" ? new WeakMap() : null;\n"
    "function __bale_cjs__(ns) {\n"
    "  if (!(\"default\" in ns) || \"__esModule\" in ns) return ns;\n"
    "  var view = __bale_views__ && __bale_views__.get(ns);\n"
    "  if (view) return view;\n"
    "  view = Object.create(null);\n"
    "  Object.keys(ns).concat(\"__esModule\").sort().forEach(function (name) {\n"
    "    Object.defineProperty(view, name, name === \"__esModule\" ? { enumerable: true, writable: true, value: true }\n"
    "      : { enumerable: true, get: function () { return ns[name]; } });\n"
    "  });\n"
    "  if (typeof Symbol === \"function\" && Symbol.toStringTag)\n"
    "    Object.defineProperty(view, Symbol.toStringTag, { value: \"Module\" });\n"
    "  Object.preventExtensions(view);\n"
    "  if (__bale_views__) __bale_views__.set(ns, view);\n"
    "  return view;\n"
    "}\n";

/* export default function () {} is named "default" in an ES module, and
 * a function that scope hoisting renamed keeps its source's name: the
 * bundle's binding is another, so the name is set back (unless the
 * value names itself otherwise, as a class with a static name does). */
static const char name_js[] =
    "function __bale_name__(fn, from, to) {\n"
    "  if (fn.name === from)\n"
    "    Object.defineProperty(fn, \"name\", { value: to, configurable: true });\n"
    "  return fn;\n"
    "}\n";

/* Function declarations scope hoisting renamed: pairs of (function, the
 * source's name). */
static const char names_js[] =
    "function __bale_names__() {\n"
    "  for (var i = 0; i < arguments.length; i += 2)\n"
    "    Object.defineProperty(arguments[i], \"name\", { value: arguments[i + 1], configurable: true });\n"
    "}\n";

/* Async modules (top-level await, or importing a module that has it), as
 * ECMA-262's module evaluation runs them (16.2.1.5.3, Evaluate and
 * InnerModuleEvaluation, with AsyncModuleExecutionFulfilled/Rejected and
 * GatherAvailableAncestors): a depth-first walk from the module asked for,
 * finding cycles (index/low: Tarjan's, as the spec does), runs each
 * module after its dependencies; a module that awaits, or waits for a
 * dependency that does, is async: it counts the async dependencies it
 * waits for, and when the last one finishes it runs, together with every
 * other module that became ready, in the order they became async.  So a
 * sibling that does not await runs while another one awaits, as in Node.
 * A table entry is [function* (module, exports) { link; yield; body },
 * [ids it imports], awaits]: its first step links (its exports exist for a
 * cycle), the rest is its body, where `await e` is `yield e` (the driver
 * resumes it as await would).  Dependencies that are not async are
 * required as usual.  status: 1 evaluating, 2 evaluating-async,
 * 3 evaluated.  An esm bundle's async entry is the bundle's own top level:
 * its table entry is a stub that __bale_enter__ evaluates (running its
 * dependencies), and the top level awaits that only when it must. */
static const char async_js[] =
    "var __bale_records__ = {}, __bale_async_order__ = 0;\n"
    "function __bale_record__(id) {\n"
    "  return __bale_records__[id] || (__bale_records__[id] = { id: id, status: 0, parents: [], pending: 0,\n"
    "    order: 0, async: false, failed: false, error: void 0, root: null, cap: null, gen: null });\n"
    "}\n"
    "function __bale_inner__(r, stack, index) {\n"
    "  if (r.status >= 2) { if (r.failed) throw r.error; return index; }\n"
    "  if (r.status === 1) return index;\n"
    "  var entry = __bale_modules__[r.id], module = __bale_module__(r.id);\n"
    "  r.status = 1; r.index = r.low = index++; stack.push(r);\n"
    "  r.gen = entry[0].call(void 0, module, module.exports);\n"
    "  r.gen.next();\n"
    "  for (var i = 0; i < entry[1].length; i++) {\n"
    "    var id = entry[1][i];\n"
    "    if (!Array.isArray(__bale_modules__[id])) { __bale_require__(id); continue; }\n"
    "    var q = __bale_record__(id);\n"
    "    index = __bale_inner__(q, stack, index);\n"
    "    if (q.status === 1) r.low = Math.min(r.low, q.low);\n"
    "    else { q = q.root || q; if (q.failed) throw q.error; }\n"
    "    if (q.async) { r.pending++; q.parents.push(r); }\n"
    "  }\n"
    "  if (r.pending > 0 || entry[2]) {\n"
    "    r.async = true; r.order = ++__bale_async_order__;\n"
    "    if (r.pending === 0) __bale_run_async__(r);\n"
    "  } else {\n"
    "    r.gen.next();\n"
    "  }\n"
    "  if (r.low === r.index) {\n"
    "    var m;\n"
    "    do { m = stack.pop(); m.status = m.async ? 2 : 3; m.root = r; } while (m !== r);\n"
    "  }\n"
    "  return index;\n"
    "}\n"
    "function __bale_run_async__(r) {\n"
    "  new Promise(function (resolve, reject) {\n"
    "    (function step(method, value) {\n"
    "      var res;\n"
    "      try { res = r.gen[method](value); } catch (e) { reject(e); return; }\n"
    "      if (res.done) resolve();\n"
    "      else Promise.resolve(res.value).then(function (v) { step(\"next\", v); }, function (e) { step(\"throw\", e); });\n"
    "    })(\"next\");\n"
    "  }).then(function () { __bale_fulfilled__(r); }, function (e) { __bale_rejected__(r, e); });\n"
    "}\n"
    "function __bale_gather__(r, list) {\n"
    "  r.parents.forEach(function (m) {\n"
    "    if (list.indexOf(m) >= 0 || m.root.failed) return;\n"
    "    if (--m.pending === 0) { list.push(m); if (!__bale_modules__[m.id][2]) __bale_gather__(m, list); }\n"
    "  });\n"
    "}\n"
    "function __bale_fulfilled__(r) {\n"
    "  if (r.status === 3) return;\n"
    "  r.async = false; r.status = 3;\n"
    "  if (r.cap) r.cap.resolve();\n"
    "  var list = [];\n"
    "  __bale_gather__(r, list);\n"
    "  list.sort(function (a, b) { return a.order - b.order; });\n"
    "  list.forEach(function (m) {\n"
    "    if (m.status === 3) return;\n"
    "    if (__bale_modules__[m.id][2]) return __bale_run_async__(m);\n"
    "    try { m.gen.next(); } catch (e) { return __bale_rejected__(m, e); }\n"
    "    m.async = false; m.status = 3;\n"
    "    if (m.cap) m.cap.resolve();\n"
    "  });\n"
    "}\n"
    "function __bale_rejected__(r, e) {\n"
    "  if (r.status === 3) return;\n"
    "  r.failed = true; r.error = e; r.status = 3;\n"
    "  r.parents.forEach(function (m) { __bale_rejected__(m, e); });\n"
    "  if (r.cap) r.cap.reject(e);\n"
    "}\n"
    "function __bale_evaluate__(id) {\n"
    "  var r = __bale_record__(id);\n"
    "  if (r.status >= 2 && r.root) r = r.root;\n"
    "  if (r.cap) return r.cap.promise;\n"
    "  var cap = r.cap = {};\n"
    "  cap.promise = new Promise(function (resolve, reject) { cap.resolve = resolve; cap.reject = reject; });\n"
    "  var stack = [];\n"
    "  try {\n"
    "    __bale_inner__(r, stack, 0);\n"
    "    if (!r.async) cap.resolve();\n"
    "  } catch (e) {\n"
    "    stack.forEach(function (m) { m.status = 3; m.failed = true; m.error = e; });\n"
    "    cap.reject(e);\n"
    "  }\n"
    "  return cap.promise;\n"
    "}\n"
    "function __bale_enter__(id) {\n"
    "  var p = __bale_evaluate__(id), r = __bale_records__[id];\n"
    "  p.catch(function () {});\n"
    "  if (r.failed) throw r.error;\n"
    "  return r.async ? p : null;\n"
    "}\n"
    "function __bale_import__(id) {\n"
    "  return Promise.resolve().then(function () { return __bale_evaluate__(id); }).then(function () {\n"
    "    return __bale_module__(id).exports;\n"
    "  });\n"
    "}\n";

/* The iterator a top-level for await steps through (prepare.c lowers it in
 * an async module): the iterable's async iterator, else its sync one with
 * each value awaited, as the statement's GetIterator(async) does. */
static const char for_await_js[] =
    "function __bale_for_await__(x) {\n"
    "  var m = x[Symbol.asyncIterator];\n"
    "  if (m != null) return m.call(x);\n"
    "  var it = x[Symbol.iterator]();\n"
    "  function step(r) { return Promise.resolve(r.value).then(function (v) { return { value: v, done: r.done }; }); }\n"
    "  return { next: function (v) { return step(it.next(v)); },\n"
    "    return: it.return && function (v) { return step(it.return(v)); } };\n"
    "}\n";

/* Format esm on platform node: the require, __filename and __dirname that
 * CommonJS modules get (as their wrapper's arguments; the bundle's own, as
 * with format cjs) and ES modules call require for externals with. */
static const char node_require_js[] =
    "import { createRequire as __bale_createRequire__ } from \"module\";\n"
    "import { fileURLToPath as __bale_fileURLToPath__ } from \"url\";\n"
    "import { dirname as __bale_dirname_of__ } from \"path\";\n"
    "var __bale_req__ = __bale_createRequire__(import.meta.url);\n"
    "var __bale_filename__ = __bale_fileURLToPath__(import.meta.url), __bale_dirname__ = __bale_dirname_of__(__bale_filename__);\n";

/* text[0..len) with each '@' written as args. */
static void write_with_args(VecChar *out, const char *text, size_t len, const char *args) {
    for (const char *p = text, *end = text + len; p < end;) {
        const char *at = memchr(p, '@', (size_t)(end - p));
        if (!at) at = end;
        out_append(out, p, (size_t)(at - p));
        if (at < end) out_puts(out, args);
        p = at + 1;
    }
}

/* A context module (require("./lang/" + x), see make/context.c): the
 * call's callee becomes __bale_context_require__(map, from), a function of
 * the specifier that looks it up in map (each name the pattern may be
 * asked for -> a function that requires its module).  A name not in map throws Node's error,
 * with from (the importer's path relative to the build's working
 * directory) where Node has an absolute path. */
static const char context_require_js[] =
    "function __bale_context_require__(map, from) {\n"
    "  return function (request) {\n"
    "    if (Object.prototype.hasOwnProperty.call(map, request)) return map[request]();\n"
    "    var e = new Error(\"Cannot find module '\" + request + \"'\\nRequire stack:\\n- \" + from);\n"
    "    e.code = \"MODULE_NOT_FOUND\";\n"
    "    e.requireStack = [from];\n"
    "    throw e;\n"
    "  };\n"
    "}\n";

/* The same for import(): a promise of the namespace (each map entry gives
 * it, or for an async module the promise of it), or rejected
 * with Node's ESM error, whose path is the specifier resolved against
 * from's directory (relative to the working directory, as from is). */
static const char context_import_js[] =
    "function __bale_context_import__(map, from) {\n"
    "  return function (request) {\n"
    "    return Promise.resolve().then(function () {\n"
    "      if (Object.prototype.hasOwnProperty.call(map, request)) return map[request]();\n"
    "      var path = [], parts = (from.slice(0, from.lastIndexOf(\"/\") + 1) + request).split(\"/\");\n"
    "      for (var i = 0; i < parts.length; i++) {\n"
    "        if (parts[i] === \"..\" && path.length && path[path.length - 1] !== \"..\") path.pop();\n"
    "        else if (parts[i] !== \".\" && parts[i] !== \"\") path.push(parts[i]);\n"
    "      }\n"
    "      var e = new Error(\"Cannot find module '\" + path.join(\"/\") + \"' imported from \" + from);\n"
    "      e.code = \"ERR_MODULE_NOT_FOUND\";\n"
    "      throw e;\n"
    "    });\n"
    "  };\n"
    "}\n";

void out_runtime_write(uint32_t req, VecChar *out) {
    if (req & OUT_RT_NODE_REQUIRE) out_append(out, node_require_js, sizeof node_require_js - 1);
    bool table = !(req & OUT_RT_NO_TABLE);
    bool modules = table || (req & (OUT_RT_CJS | OUT_RT_MODULE_REQUIRE | OUT_RT_NODE_NS | OUT_RT_ASYNC |
                                    OUT_RT_CONTEXT_REQUIRE | OUT_RT_CONTEXT_IMPORT));
    bool esm = req & (OUT_RT_EXPORT | OUT_RT_REEXPORT);
    if (modules) out_append(out, module_js, sizeof module_js - 1);
    else if (esm) out_append(out, esm_lean_js, sizeof esm_lean_js - 1);
    const char *args = req & OUT_RT_NODE_REQUIRE ? ", __bale_req__, __bale_filename__, __bale_dirname__" : "";
    if (!table) {
    } else if (req & OUT_RT_RETRY) write_with_args(out, require_retry_js, sizeof require_retry_js - 1, args);
    else write_with_args(out, require_js, sizeof require_js - 1, args);
    if (modules && esm) out_append(out, esm_js, sizeof esm_js - 1);
    if ((req & OUT_RT_EXPORT) && (req & OUT_RT_REEXPORT)) out_append(out, export_js, sizeof export_js - 1);
    else if (req & OUT_RT_EXPORT) out_append(out, export_closed_js, sizeof export_closed_js - 1);
    if (req & OUT_RT_REEXPORT) out_append(out, reexport_js, sizeof reexport_js - 1);
    if (req & OUT_RT_NS) out_append(out, ns_js, sizeof ns_js - 1);
    if (req & OUT_RT_CJS) out_append(out, cjs_js, sizeof cjs_js - 1);
    if (req & OUT_RT_MODULE_REQUIRE) out_append(out, module_require_js, sizeof module_require_js - 1);
    if (req & OUT_RT_NODE_NS) out_append(out, node_ns_js, sizeof node_ns_js - 1);
    if (req & OUT_RT_ASYNC) out_append(out, async_js, sizeof async_js - 1);
    if (req & OUT_RT_FOR_AWAIT) out_append(out, for_await_js, sizeof for_await_js - 1);
    if (req & OUT_RT_NAME) out_append(out, name_js, sizeof name_js - 1);
    if (req & OUT_RT_NAMES) out_append(out, names_js, sizeof names_js - 1);
    if (req & OUT_RT_CONTEXT_REQUIRE) out_append(out, context_require_js, sizeof context_require_js - 1);
    if (req & OUT_RT_CONTEXT_IMPORT) out_append(out, context_import_js, sizeof context_import_js - 1);
}

/* ---- --splitting ----------------------------------------------------------
 * The entry keeps the one module table and cache; a chunk is a function
 * the loader calls with the entry's helpers, returning its modules'
 * functions, which join the table: a module runs once, whichever chunk
 * brought it, and a chunk loads once (a failed load is tried again by the
 * next import() that needs it). */

void out_runtime_names(uint32_t req, VecChar *names) {
    VecChar text = {0};
    out_runtime_write(req, &text);
    VEC_PUSH(&text, 0);
    static const char *const starts[] = {"\nfunction ", "\nvar "};
    VecChar seen = {0}; /* the names so far, each NUL-ended */
    for (const char *p = text.data; *p; p++) {
        for (size_t k = 0; k < 2; k++) {
            size_t sl = strlen(starts[k]);
            if ((p == text.data ? strncmp(p, starts[k] + 1, sl - 1) : strncmp(p, starts[k], sl))) continue;
            const char *q = p + (p == text.data ? sl - 1 : sl), *e = q;
            while ((*e >= 'a' && *e <= 'z') || (*e >= 'A' && *e <= 'Z') || (*e >= '0' && *e <= '9') || *e == '_' || *e == '$') e++;
            if (e == q || strncmp(q, "__bale_", 7)) continue;
            bool dup = false;
            for (uint32_t at = 0; at < seen.len && !dup; at += (uint32_t)strlen(seen.data + at) + 1)
                dup = strlen(seen.data + at) == (size_t)(e - q) && !strncmp(seen.data + at, q, (size_t)(e - q));
            if (dup) continue;
            out_append(&seen, q, (size_t)(e - q));
            VEC_PUSH(&seen, 0);
        }
    }
    if (req & OUT_RT_LOAD) { /* (the loader's own, out_runtime_loader: a chunk's import()s, an entry's chunks) */
        out_puts(&seen, "__bale_load__");
        VEC_PUSH(&seen, 0);
        out_puts(&seen, "__bale_install__");
        VEC_PUSH(&seen, 0);
    }
    out_append(names, seen.data, seen.len);
    VEC_FREE(&seen);
    VEC_FREE(&text);
}

/* The browser's loader's part after the helpers (iife_loader): chunks as
 * they arrive, and a chunk's script tag (script_tag between the two). */
static const char iife_script_js[] =
    "function __bale_push__(chunk) {\n"
    "  if (!__bale_installed__[chunk[0]]) __bale_installed__[chunk[0]] = true, __bale_install__(chunk[1]);\n"
    "}\n"
    "function __bale_script__(k) {\n"
    "  if (__bale_registry__.push !== __bale_push__)\n"
    "    __bale_registry__.forEach(__bale_push__), __bale_registry__.push = __bale_push__;\n"
    "  return new Promise(function (resolve, reject) {\n"
    "    var url = __bale_base__ + __bale_chunk_files__[k];\n"
    "    function done(error) {\n"
    "      if (__bale_installed__[k]) return resolve();\n"
    "      var e = new Error(\"bale: loading chunk \" + k + \" failed (\" + url + \")\" + (error ? \": \" + error : \"\"));\n"
    "      e.name = \"ChunkLoadError\";\n"
    "      reject(e);\n"
    "    }\n"
    "    if (__bale_installed__[k]) return resolve();\n"
    "    if (typeof document === \"undefined\") {\n"
    "      if (typeof importScripts !== \"function\") return done(\"no document to add a script to\");\n"
    "      try { importScripts(url); } catch (e) { return done(e && e.message); }\n"
    "      return done();\n"
    "    }\n";
static const char iife_script_end_js[] =
    "    s.onload = s.onerror = function (event) {\n"
    "      s.onload = s.onerror = null;\n"
    "      if (s.parentNode) s.parentNode.removeChild(s);\n"
    "      done(event.type === \"error\" ? \"the script did not load\" : \"\");\n"
    "    };\n"
    "    document.head.appendChild(s);\n"
    "  });\n"
    "}\n";

/* `globalThis["NAME"] = globalThis["NAME"] || []`: the build's registry. */
static void registry(const OutSplit *split, VecChar *out) {
    size_t n = strlen(split->registry);
    out_puts(out, "globalThis[");
    out_js_string(out, split->registry, n);
    out_puts(out, "] = globalThis[");
    out_js_string(out, split->registry, n);
    out_puts(out, "] || []");
}

/* The entry script's directory, while it runs (a worker's: its location). */
static const char iife_base_js[] =
    "(function () {\n"
    "  var s = typeof document !== \"undefined\" && document.currentScript;\n"
    "  var url = s && s.src ? s.src : typeof location !== \"undefined\" ? location.href : \"\";\n"
    "  return url.replace(/[?#].*$/, \"\").replace(/[^\\/]*$/, \"\");\n"
    "})()";

/* `var __bale_base__ = URL;`: where chunk paths start (public path or
 * the running script's directory). */
static void base_url(const OutSplit *split, VecChar *out) {
    out_puts(out, "var __bale_base__ = ");
    if (split->public_path) {
        size_t n = strlen(split->public_path);
        VecChar base = {0};
        out_append(&base, split->public_path, n);
        if (n && split->public_path[n - 1] != '/') VEC_PUSH(&base, '/');
        out_js_string(out, base.data, base.len);
        VEC_FREE(&base);
    } else {
        out_puts(out, iife_base_js);
    }
    out_puts(out, ";\n");
}

/* `var s = document.createElement("script"); s.src = URL;` (URL a
 * JavaScript expression), with its crossorigin when asked for. */
static void script_tag(const OutSplit *split, const char *url, VecChar *out) {
    out_printf(out, "    var s = document.createElement(\"script\");\n    s.src = %s;\n", url);
    if (!split->cross_origin) return;
    out_puts(out, "    s.crossOrigin = ");
    out_js_string(out, split->cross_origin, strlen(split->cross_origin));
    out_puts(out, ";\n");
}

/* The browser's loader (format iife): a chunk is a script that pushes
 * [number, function] to the build's global registry.  The first load
 * installs what is there (a chunk a script tag of the page's own ran
 * before) and replaces push by installing.  A chunk loads from the public
 * path, else from beside the entry script; in a worker, by importScripts.
 * A chunk whose script fails, or does not push itself, rejects with a
 * ChunkLoadError (webpack's name) and is tried again next time. */
static void iife_loader(const OutSplit *split, VecChar *out) {
    out_puts(out, "var __bale_installed__ = {};\n");
    base_url(split, out);
    out_puts(out, "var __bale_registry__ = ");
    registry(split, out);
    out_puts(out, ";\n");
    out_puts(out, iife_script_js);
    script_tag(split, "url", out);
    out_puts(out, iife_script_end_js);
}

void out_runtime_loader(BaleFormat format, const OutSplit *split, const VecChar *names, VecChar *out) {
    out_puts(out, "var __bale_rt__ = {");
    for (uint32_t at = 0; at < names->len; at += (uint32_t)strlen(names->data + at) + 1)
        out_printf(out, "%s %s: %s", at ? "," : "", names->data + at, names->data + at);
    out_puts(out, " };\nvar __bale_chunk_files__ = [");
    for (uint32_t k = 0; k < split->nchunks; k++) {
        if (k) out_puts(out, ", ");
        out_js_string(out, split->files[k], (uint32_t)strlen(split->files[k]));
    }
    out_puts(out, "], __bale_loaded__ = {};\n"
                  "function __bale_install__(chunk) {\n"
                  "  var modules = chunk(__bale_rt__);\n"
                  "  for (var id in modules) __bale_modules__[id] = modules[id];\n"
                  "}\n");
    if (format == BALE_FORMAT_IIFE) iife_loader(split, out);
    out_puts(out, "function __bale_load__(chunks) {\n"
                  "  return Promise.all(chunks.map(function (k) {\n"
                  "    return __bale_loaded__[k] || (__bale_loaded__[k] = ");
    if (format == BALE_FORMAT_ESM)
        out_puts(out, "import(__bale_chunk_files__[k]).then(function (m) { __bale_install__(m.default); }");
    else if (format == BALE_FORMAT_IIFE)
        out_puts(out, "__bale_script__(k).then(null");
    else
        out_puts(out, "Promise.resolve().then(function () { __bale_install__(require(__bale_chunk_files__[k])); }");
    out_puts(out, ", function (e) {\n"
                  "      delete __bale_loaded__[k];\n"
                  "      throw e;\n"
                  "    }));\n"
                  "  }));\n"
                  "}\n");
}

void out_runtime_take(const VecChar *names, VecChar *out) {
    for (uint32_t at = 0; at < names->len; at += (uint32_t)strlen(names->data + at) + 1)
        out_printf(out, "%s%s = __bale_rt__.%s", at ? ", " : "var ", names->data + at, names->data + at);
    if (names->len) out_puts(out, ";\n");
}

void out_runtime_chunk_head(BaleFormat format, const OutSplit *split, uint32_t number, const VecChar *names, VecChar *out) {
    if (format == BALE_FORMAT_IIFE) {
        out_puts(out, "(");
        registry(split, out);
        out_printf(out, ").push([%u, function (__bale_rt__) {\n", number);
    } else {
        out_puts(out, format == BALE_FORMAT_ESM ? "export default function (__bale_rt__) {\n" : "module.exports = function (__bale_rt__) {\n");
    }
    out_runtime_take(names, out);
    out_puts(out, "return {\n");
}

void out_runtime_chunk_tail(BaleFormat format, VecChar *out) { out_puts(out, format == BALE_FORMAT_IIFE ? "};\n}]);\n" : "};\n}\n"); }

/* Format iife with several entries.  The runtime chunk, a script, puts
 * the helpers on the registry (rt) and starts the entries that came
 * before it (boot); an entry is a function of the helpers that loads the
 * chunks it shares with others, then runs, and adds the runtime chunk's
 * script tag when no entry has yet. */
void out_runtime_iife_runtime_tail(VecChar *out) {
    out_puts(out, "__bale_registry__.rt = __bale_rt__;\n"
                  "var __bale_boot__ = __bale_registry__.boot || [];\n"
                  "__bale_registry__.boot = null;\n"
                  "__bale_boot__.forEach(function (start) { start(__bale_rt__); });\n");
}

void out_runtime_boot_head(const OutSplit *split, uint32_t entry, const VecChar *names, VecChar *out) {
    out_puts(out, "var __bale_boot__ = function (__bale_rt__) {\n");
    out_runtime_take(names, out);
    out_puts(out, "__bale_load__([");
    for (uint32_t k = split->first[entry]; k < split->first[entry + 1]; k++)
        out_printf(out, "%s%u", k > split->first[entry] ? ", " : "", split->loads[k]);
    out_puts(out, "]).then(function () {\n");
}

void out_runtime_boot_tail(const OutSplit *split, const char *runtime_spec, VecChar *out) {
    out_puts(out, "}).then(null, function (e) {\n"
                  "  setTimeout(function () { throw e; });\n"
                  "});\n"
                  "};\n");
    base_url(split, out);
    out_puts(out, "var __bale_registry__ = ");
    registry(split, out);
    out_puts(out, ";\n"
                  "if (__bale_registry__.rt) __bale_boot__(__bale_registry__.rt);\n"
                  "else if (__bale_registry__.boot) __bale_registry__.boot.push(__bale_boot__);\n"
                  "else {\n"
                  "  __bale_registry__.boot = [__bale_boot__];\n"
                  "  var __bale_url__ = __bale_base__ + ");
    out_js_string(out, runtime_spec, strlen(runtime_spec));
    out_puts(out, ";\n"
                  "  if (typeof document === \"undefined\") importScripts(__bale_url__);\n"
                  "  else {\n");
    script_tag(split, "__bale_url__", out);
    out_puts(out, "    document.head.appendChild(s);\n"
                  "  }\n"
                  "}\n");
}
