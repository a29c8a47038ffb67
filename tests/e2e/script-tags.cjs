// A page's script tags for node (`node -r ./script-tags.cjs BUNDLE`), so
// that the e2e suite can run format iife's --splitting output, whose
// loader adds a <script> for each chunk: document.currentScript is the
// bundle while it starts, and a script added to document.head runs (in
// the global scope, as a browser runs it, as document.currentScript) on a
// later turn, then fires load, or error when its file cannot be read.  The browser itself is
// tests/browser's.
"use strict";
const fs = require("fs");
const vm = require("vm");
const { pathToFileURL, fileURLToPath } = require("url");
const main = process.argv[1];
globalThis.document = {
  currentScript: main ? { src: pathToFileURL(require("path").resolve(main)).href } : null,
  createElement(tag) {
    return { tagName: tag.toUpperCase(), src: "", parentNode: null, onload: null, onerror: null };
  },
  head: {
    appendChild(s) {
      s.parentNode = this;
      setTimeout(() => {
        let code;
        try {
          code = fs.readFileSync(fileURLToPath(s.src), "utf8");
        } catch {
          if (s.onerror) s.onerror({ type: "error" });
          return;
        }
        globalThis.document.currentScript = s;
        try {
          vm.runInThisContext(code, { filename: fileURLToPath(s.src) });
        } finally {
          globalThis.document.currentScript = null;
        }
        if (s.onload) s.onload({ type: "load" });
      }, 0);
      return s;
    },
    removeChild(s) {
      s.parentNode = null;
      return s;
    },
  },
};
setImmediate(() => { globalThis.document.currentScript = null; });
