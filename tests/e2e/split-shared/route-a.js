import { label, count } from "./shared.js";
export function render() { return label("a") + count(); }
