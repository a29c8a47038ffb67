export const value = "v";
export function make() { return () => value; }
