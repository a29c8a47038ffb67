// What --minify-syntax folds: tests whose value is known (literals,
// comparisons of literals, as --define leaves them), code after a jump,
// unused labels, joined string literals
// (tests/snapshot/cases/minify-fold pins the text): the output must not change.
var r = [];
if ("production" !== "production") { r.push("development"); }
if ("a" === "a") r.push("taken"); else r.push("not taken");
if (true) { let scoped = 1; r.push(scoped); }
if (0) r.push("no"); else if ("x") r.push("else if");
if (false) { var hoisted = "declared"; }
r.push(typeof hoisted);
for (var i = 0; i < 2; i++) if (false) r.push("never");
while (r.length < 7) if (!0) r.push("w"); else r.push("nw");
r.push(true ? "cond" : "alt", 0 ? r.x() : "alt", null ?? "nullish", 0 && r.x(), 1 || r.x(), "" || "empty");
r.push("1" == 1, null == undefined, null === undefined, void 0 === undefined, 1 === 1.0, "b" !== "b");
r.push("it's" + " ok", 'single' + "double", "\x41" + "B", "a" + "b" + "c", ("\0" + "1").length);
var obj = { m() { return this === obj; } };
r.push((0 || obj.m)() === (0 || obj.m)(), (1 && obj.m)(), (true ? obj.m : 0)());
outer: for (let k = 0; k < 2; k++) { inner: for (;;) { break outer; } }
unused: { r.push("in label"); }
function dead() {
  return late() + typeof v;
  r.push("never");
  var v = 1;
  function late() { return "hoisted "; }
  let lex = 2;
}
function thrower() {
  try { throw new Error("thrown"); r.push("never"); } catch (e) { return e.message; }
}
function closure() {
  const f = () => lexical;
  return f;
  let lexical = 1;
}
var tdz;
try { closure()(); } catch (e) { tdz = e.name; }
switch (r.length) { case 0: break; r.push("never"); default: r.push("default"); }
r.push(dead(), thrower(), tdz);
console.log(r.join("|"));
