console.log("index body");
import "./one.js";
import { two } from "./two.js";
import "./three.js";
console.log(two);
