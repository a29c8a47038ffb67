// export default of an expression in the entry: the value is computed
// once, the binding is not live (the variable changes after), and an
// anonymous function in parentheses is still named "default".
let v = [1, 2, 3].map((x) => x * 2);
export default v;
v = "changed";
export const arrow = (() => {});
export const fn = (0, function () {});
import def from "./anon.mjs";
console.log("entry ran", v, def.name, arrow.name, JSON.stringify(fn.name));
