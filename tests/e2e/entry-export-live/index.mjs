// The entry's exports are live bindings: an importer of the entry sees an
// exported let change when an exported function changes it (check.mjs).
export let count = 0;
export var total = 10;
export function inc() { count++; total += 10; }
export function reset() { count = 0; }
export { count as alias };
inc();
console.log("entry ran", count, total);
