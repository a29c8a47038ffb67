import a from "./a.js";
import b from "./b.js";
import c from "./c.js";
console.log(a, b, c);
