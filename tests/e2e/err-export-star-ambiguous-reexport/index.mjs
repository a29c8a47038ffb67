// An indirect re-export of a name two export * bind differently is a link
// error, even though nobody imports it.
import { onlyA } from "./re.mjs";
console.log(onlyA);
