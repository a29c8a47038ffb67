export function add(a, b) { return a + b; }
export const mul = (a, b) => a * b;
export let PI = 3.14;
