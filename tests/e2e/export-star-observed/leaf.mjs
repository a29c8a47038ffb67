export const deep = "deep";
export let counter = 0;
export function bump() { counter++; }
