export function helper() { return "h"; }
export const other = 1;
