import { pure } from "pure";
import { inner } from "pure/sub/inner.js";
import { listed } from "listed";
import { bad } from "bad";
import { badItems } from "bad-items";
console.log(pure, inner, listed, bad, badItems);
