// export * as ns in the entry: the importer gets lib.mjs's namespace object
// itself (the same object import * as gives), live.
export * as lib from "./lib.mjs";
export * as again from "./lib.mjs";
import * as direct from "./lib.mjs";
export const same = direct;
console.log("entry ran", Reflect.ownKeys(direct).length);
