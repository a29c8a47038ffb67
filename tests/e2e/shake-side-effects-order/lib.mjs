export const other = { a: 1 };
export function used() { return "used"; }
