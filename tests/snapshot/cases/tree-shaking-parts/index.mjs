import { used, alsoUsed, a, Kept, Vec, table, none, first, second } from "./lib.mjs";
console.log(used, alsoUsed, a.n, new Kept().hello(), Kept.version, new Vec().isVec, Vec.ZERO);
console.log(table.k1, Object.getPrototypeOf(none), first, second);
