import { helper } from "./lib.mjs";
export let count = 0;
export function inc() { count++; }
export default function () { return helper(); }
export * from "./lib.mjs";
