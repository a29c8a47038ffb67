import greet from "./greet.js";
import value, { other } from "./value.js";
console.log(greet("x"), value, other);
