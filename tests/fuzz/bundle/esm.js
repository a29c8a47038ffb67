// An ES module: named (live), default and star exports.
export let count = 0;
export function bump() { count++; }
export default function greet(name) { return `hello ${name}`; }
export * from "./cjs.cjs";
export { kind as fromCjs } from "./cjs.cjs";
export * as json from "./data.json";
