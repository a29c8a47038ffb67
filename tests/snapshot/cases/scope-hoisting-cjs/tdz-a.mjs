// A cycle: tdz-b reads tdz-a's let before tdz-a has run, as Node throws.
import { early } from "./tdz-b.mjs";
export let value = "a's value";
export function hoisted() { return "function declarations are ready early"; }
export const fromB = early;
