// Declared in no particular order; string names include integer-like ones,
// which an ordinary object would list first, in numeric order.
const v = (s) => s;
export const b = v("b");
export const a = v("a");
export const Z = v("Z");
export const _ = v("_");
export const $ = v("$");
export const é = v("é");
export const ä = v("ä");
export const 𝒳 = v("math x");
export const ﬀ = v("ff ligature");
export const A = v("A");
const n10 = "10", n9 = "9", n0 = "0", neg = "-1", big = "4294967295", sp = "a b";
export { n10 as "10", n9 as "9", n0 as "0", neg as "-1", big as "4294967295", sp as "a b" };
export default "default";
