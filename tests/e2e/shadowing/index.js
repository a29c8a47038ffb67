import { x, f } from "./lib.js";
function g(x) { return x * 2; }
function h() { const x = "local"; return x; }
const o = { x: "prop", f() { return "method"; } };
label: for (const f of [1]) { console.log("f in loop", f); break label; }
console.log(x, g(5), h(), o.x, o.f(), f());
{ let x = "block"; console.log(x); }
try { throw "caught"; } catch (x) { console.log(x); }
console.log(((x) => x + 1)(10), x);
