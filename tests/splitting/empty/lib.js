export const unused = 1; export function f() { return 2; }
