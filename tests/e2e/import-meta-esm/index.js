// Format esm keeps import.meta: the bundle's own (its url is the bundle's,
// and every module of the bundle shares it).
import { meta } from "./lib.js";
console.log(typeof import.meta, typeof import.meta.url, typeof meta.url);
