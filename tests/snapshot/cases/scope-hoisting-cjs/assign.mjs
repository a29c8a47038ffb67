// Assigning to an import throws (the binding is the exporter's): the
// module keeps its function, whose getter-only import throws as Node does.
import { counter } from "./plain.mjs";
export function tryAssign() {
  try { counter = 1; return "assigned"; } catch (e) { return e.constructor.name; }
}
export { counter };
