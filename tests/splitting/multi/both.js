// a program that runs both entries: one registry, shared.js runs once
await import("./a.js"); await import("./b.js");
await new Promise((r) => setTimeout(r, 10));
console.log("runs", globalThis.sharedRuns);
