// Forms --minify-syntax writes shorter (tests/snapshot/cases/minify-syntax
// pins the text): what they print must not change.
var a = true, b = false;
var c = 1000, d = 0.5, e = 0.0001, f = 604800000, g = 1e21, h = 0xff, i = 1.5e-7, j = 123456789012, k = 1_000_000;
console.log(a, b, c, d, e, f, g, h, i, j, k, (1000).toString(), true.toString(), 5..toFixed(1));
console.log(true ** 2, false ** 2, 2 ** 3, -(true), typeof true, !true);
const o = { "key": 1, "a-b": 2, "__proto__": null, "class": 3 };
console.log(o["key"], o["a-b"], o["class"], Object.getPrototypeOf(o), typeof o === "object", typeof o !== "string");
function t(x) {
  if (x) console.log("yes");
  if (!x) console.log("no");
  if (x > 1) console.log("big"); else console.log("small");
  if (x) { console.log("braced"); }
  if (x ?? 0) console.log("nullish");
  if (x) { if (x > 1) console.log("inner"); } else console.log("else of the outer if");
  for (let n = 0; n < 2; n++) { console.log("loop", n); }
  let p = 1; let q = 2;
  const r = (y) => y * 2, s2 = async (z) => z;
  return p + q + r(x);
}
console.log(t(0), t(2));
label: { console.log("in label"); break label; }
