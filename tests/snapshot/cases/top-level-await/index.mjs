import { v } from "./slow.mjs";
import "./sync.mjs";
console.log(v);
for await (const x of [1, 2]) console.log(x);
