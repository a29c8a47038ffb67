globalThis.sharedRuns = (globalThis.sharedRuns || 0) + 1;
let n = 0;
export const shared = "shared";
export function bump() { return ++n; }
