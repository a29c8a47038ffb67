import bDefault, { report } from "./b.mjs";
import * as A from "./a.mjs";
function helper() { return "index.helper"; }
const Thing = "index's Thing";
const r = report();
console.log(JSON.stringify(r.names));
console.log(JSON.stringify(r.calls));
console.log(JSON.stringify(r.shadow), JSON.stringify(r.maps));
console.log(helper(), helper.name, Thing, bDefault.name, A.default.name, Object.keys(A).join());
console.log(A.Thing === new A.Thing().constructor, String(typeof A.later));
