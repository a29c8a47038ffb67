export const value = "v";
export function fn() {}
export default "def";
