import { label, count } from "./shared.js";
import { big } from "./b-only.js";
export function render() { return label("b") + count() + big.length; }
