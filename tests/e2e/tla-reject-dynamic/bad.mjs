globalThis.badRuns = (globalThis.badRuns || 0) + 1;
console.log("bad start");
await null;
const err = new Error("rejected at top level");
err.code = "E_TLA";
await Promise.reject(err);
console.log("never");
