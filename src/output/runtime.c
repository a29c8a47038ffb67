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
    "    __bale_modules__[id].call(module.exports, module, module.exports);\n"
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
    "      __bale_modules__[id].call(module.exports, module, module.exports);\n"
    "    } catch (e) {\n"
    "      if (module.__bale_esm__) module.__bale_failed__ = true, module.__bale_error__ = e;\n"
    "      else delete __bale_cache__[id], delete __bale_started__[id];\n"
    "      throw e;\n"
    "    }\n"
    "  }\n"
    "  return module.exports;\n"
    "}\n";

/* An ES module's exports object: one enumerable getter per export, so
 * importers read live bindings, and the tag Node's namespaces have.
 * __esModule (not enumerable) only with a default export, as Node's
 * require(esm) does: CommonJS code then picks .default through it. */
static const char export_js[] =
    "function __bale_export__(module, getters, esModule) {\n"
    "  var exports = module.exports;\n"
    "  module.__bale_esm__ = true;\n"
    "  if (esModule) Object.defineProperty(exports, \"__esModule\", { value: true });\n"
    "  if (typeof Symbol === \"function\" && Symbol.toStringTag)\n"
    "    Object.defineProperty(exports, Symbol.toStringTag, { value: \"Module\" });\n"
    "  for (var name in getters)\n"
    "    Object.defineProperty(exports, name, { enumerable: true, get: getters[name] });\n"
    "}\n";

/* export * from: every name of from but default, unless exports has it
 * already (its own exports, or an earlier export *) or it is one of skip,
 * the names two export * give with different bindings (ambiguous: Node
 * leaves them out; codegen finds them, see its export tables). */
static const char reexport_js[] =
    "function __bale_reexport__(exports, from, skip) {\n"
    "  Object.keys(from).forEach(function (name) {\n"
    "    if (name !== \"default\" && !Object.prototype.hasOwnProperty.call(exports, name) &&\n"
    "        !(skip && skip.indexOf(name) >= 0))\n"
    "      Object.defineProperty(exports, name, { enumerable: true, get: function () { return from[name]; } });\n"
    "  });\n"
    "}\n";

/* The namespace an import sees of a module that is not an ES module:
 * itself when it says __esModule (compiled ESM), else its properties plus
 * default = module.exports, as Node gives for CommonJS. */
static const char ns_js[] =
    "function __bale_ns__(mod) {\n"
    "  if (mod && mod.__esModule) return mod;\n"
    "  var ns = {};\n"
    "  if (mod != null && (typeof mod === \"object\" || typeof mod === \"function\"))\n"
    "    Object.keys(mod).forEach(function (name) {\n"
    "      if (name !== \"default\")\n"
    "        Object.defineProperty(ns, name, { enumerable: true, get: function () { return mod[name]; } });\n"
    "    });\n"
    "  Object.defineProperty(ns, \"default\", { enumerable: true, value: mod });\n"
    "  return ns;\n"
    "}\n";

/* export default function () {} is named "default" in an ES module; the
 * bundle's binding is __bale_default__, so the name is set back. */
static const char name_js[] =
    "function __bale_name__(fn) {\n"
    "  if (fn.name === \"__bale_default__\")\n"
    "    Object.defineProperty(fn, \"name\", { value: \"default\", configurable: true });\n"
    "  return fn;\n"
    "}\n";

/* A context module (require("./lang/" + x), see make/context.c): the
 * call's callee becomes __bale_context_require__(map, from), a function of
 * the specifier that looks it up in map (each name the pattern may be
 * asked for -> its module id).  A name not in map throws Node's error,
 * with from (the importer's path relative to the build's working
 * directory) where Node has an absolute path. */
static const char context_require_js[] =
    "function __bale_context_require__(map, from) {\n"
    "  return function (request) {\n"
    "    if (Object.prototype.hasOwnProperty.call(map, request)) return __bale_require__(map[request]);\n"
    "    var e = new Error(\"Cannot find module '\" + request + \"'\\nRequire stack:\\n- \" + from);\n"
    "    e.code = \"MODULE_NOT_FOUND\";\n"
    "    e.requireStack = [from];\n"
    "    throw e;\n"
    "  };\n"
    "}\n";

/* The same for import(): a promise of the namespace (map holds -id for a
 * module that is not an ES module, seen through __bale_ns__), or rejected
 * with Node's ESM error, whose path is the specifier resolved against
 * from's directory (relative to the working directory, as from is). */
static const char context_import_js[] =
    "function __bale_context_import__(map, from) {\n"
    "  return function (request) {\n"
    "    return Promise.resolve().then(function () {\n"
    "      var id = Object.prototype.hasOwnProperty.call(map, request) ? map[request] : 0;\n"
    "      if (id > 0) return __bale_require__(id);\n"
    "      if (id < 0) return __bale_ns__(__bale_require__(-id));\n"
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
    out_append(out, module_js, sizeof module_js - 1);
    if (req & OUT_RT_RETRY) out_append(out, require_retry_js, sizeof require_retry_js - 1);
    else out_append(out, require_js, sizeof require_js - 1);
    if (req & OUT_RT_EXPORT) out_append(out, export_js, sizeof export_js - 1);
    if (req & OUT_RT_REEXPORT) out_append(out, reexport_js, sizeof reexport_js - 1);
    if (req & OUT_RT_NS) out_append(out, ns_js, sizeof ns_js - 1);
    if (req & OUT_RT_NAME) out_append(out, name_js, sizeof name_js - 1);
    if (req & OUT_RT_CONTEXT_REQUIRE) out_append(out, context_require_js, sizeof context_require_js - 1);
    if (req & OUT_RT_CONTEXT_IMPORT) out_append(out, context_import_js, sizeof context_import_js - 1);
}
