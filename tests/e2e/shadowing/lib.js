export const x = "imported";
export function f() { return "imported f"; }
