globalThis.sharedRuns = (globalThis.sharedRuns || 0) + 1;
let n = 0;
export function label(x) { return "<" + x + ">"; }
export function count() { return ++n; }
