// Formats iife and cjs have no import.meta: it becomes an empty object,
// one per module, with a warning (as esbuild does).
import.meta.seen = true;
console.log(typeof import.meta, import.meta.seen);
