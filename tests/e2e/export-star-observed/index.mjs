import * as top from "./top.mjs";
import { deep, viaCjs, own } from "./top.mjs";
import cjsUser from "./user.cjs";
console.log(Object.keys(top).sort().join(), deep, viaCjs, own);
import("./mid.mjs").then((dyn) => console.log(Object.keys(dyn).sort().join()));
console.log(cjsUser);
