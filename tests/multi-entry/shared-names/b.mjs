import { helper as h, count } from "./shared.mjs";
import cjs from "./c.cjs";
function helper() { return "b's own"; }
console.log("b", h(), helper(), helper.name, h.name, count, cjs.x);
export default function () {}
