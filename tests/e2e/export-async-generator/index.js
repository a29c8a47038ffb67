import { gen, later } from "./lib.js";
console.log([...gen()].join(","));
later().then((v) => console.log(v));
