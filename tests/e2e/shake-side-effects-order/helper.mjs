export function helper() { return "h"; }
