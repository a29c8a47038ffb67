import f from "./f.js";
import g from "./g.js";
import h from "./h.js";
console.log(f(), f.name, g(), g.name, h(), h.name);
