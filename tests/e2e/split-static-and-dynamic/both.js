let calls = 0;
export const value = "both";
export function calls_() { return ++calls; }
export { calls_ as calls };
