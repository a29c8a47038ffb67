// Two entry points share this module: each output hoists it, with one set of names for both.
export function helper() { return "shared.helper"; }
export let count = 0;
export function bump() { count++; }
