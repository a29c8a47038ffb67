import { Animal, make } from "./lib.js";
const d = make("rex");
console.log(d instanceof Animal, d.speak(), Animal.name);
