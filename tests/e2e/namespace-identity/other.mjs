import * as e3 from "./esm.mjs";
import * as c2 from "./lib.cjs";
import cjsRequired from "./req.cjs";
export { e3, c2, cjsRequired };
