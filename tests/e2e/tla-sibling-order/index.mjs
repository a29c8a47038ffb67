// b.mjs awaits; c.mjs has no top-level await and does not depend on b, so
// it runs while b waits; d.mjs imports b, so it waits for b; the entry runs
// last.
import "./b.mjs";
import "./c.mjs";
import "./d.mjs";
console.log("index");
