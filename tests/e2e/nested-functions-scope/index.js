import { value, make } from "./lib.js";
function outer() {
  function inner() { return value; }
  var value2 = inner();
  return value2;
}
class K { m() { return value; } static s = value; [value + "key"]() { return 1; } }
console.log(outer(), new K().m(), K.s, Object.getOwnPropertyNames(K.prototype).join(","), make()());
