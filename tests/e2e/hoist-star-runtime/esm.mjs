export const fromEsm = "esm"; export function f() { return "f"; }
