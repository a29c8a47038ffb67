// Names merged from several export * (in the entry too, so the export
// checker sees them): sorted, without default, own names before stars',
// one binding reached twice kept, a name two stars bind differently left
// out (in outer.mjs, one level up, V8 then shows the x another star gives)
// and through import() the same; no error, since nothing imports the
// ambiguous name by name.
import * as mid from "./mid.mjs";
import * as outer from "./outer.mjs";
console.log(Reflect.ownKeys(mid));
console.log(Reflect.ownKeys(outer), "x" in outer, outer.x);
import("./mid.mjs").then((d) => console.log("import():", d === mid, Reflect.ownKeys(d).length, "x" in d));
export * from "./mid.mjs";
export * from "./e.mjs";
export const zOwn = "entry";
