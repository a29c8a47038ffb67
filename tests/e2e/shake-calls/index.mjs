import { read } from "./lib.mjs";
console.log(JSON.stringify(read()));
