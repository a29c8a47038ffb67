import C from "./c.js";
import D from "./d.js";
console.log(new C().hi(), C.name, D.name, D.tag)
