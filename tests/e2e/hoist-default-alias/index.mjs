import { early } from "./b.mjs";
import g, { g as named } from "./plain.mjs";
import v, { value } from "./later.mjs";
console.log(early, g === named, g.name, g(), v, value);
