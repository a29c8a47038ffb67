import { greet } from "./greet.js";
import { shout } from "./util/shout.js";

console.log(greet("bale"));
console.log(shout("bundled"));
