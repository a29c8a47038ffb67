import { fromB, value } from "./tdz-a.mjs";
import { viaEval } from "./evals.mjs";
import cjs from "./cjs.cjs";
import { tryAssign } from "./assign.mjs";
console.log(JSON.stringify(fromB), value);
console.log(viaEval, cjs.isExports, cjs.name);
import { counter } from "./assign.mjs";
console.log(tryAssign(), counter);
