// In a cycle: a.mjs runs first and reads b's default before b has run,
// which Node's TDZ forbids even though f itself is hoisted.
import { early } from "./a.mjs";
function f() { return "f"; }
export default f;
export { early };
