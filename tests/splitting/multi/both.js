// a program that runs both entries: one registry, shared.js runs once
const a = await import("./a.js");
await a.done;
const b = await import("./b.js");
await b.done;
console.log("runs", globalThis.sharedRuns);
