import "./setup.js";
import { read } from "./reader.js";
console.log(read());
