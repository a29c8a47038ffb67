export function* gen() { yield 1; yield 2; }
export async function later() { return "later"; }
