// uuid 11 from an ES module (exports: node/import, dist/esm) and from a
// CommonJS module (node/require, dist/cjs): Node loads both copies; v5
// with a fixed namespace is deterministic.
import { v5, v4, validate, version, NIL, MAX, parse, stringify } from "uuid";
import cjs from "./cjs.cjs";
const id = v5("bale", v5.URL);
console.log(id, validate(id), version(id), v5("hello", v5.DNS));
console.log(validate(v4()), version(v4()), validate("not a uuid"), NIL, MAX);
console.log(stringify(parse(id)) === id, parse(id).length);
console.log(cjs.id === id, cjs.validate(cjs.id), cjs.sameFunction(v5), cjs.keys.includes("v7"));
