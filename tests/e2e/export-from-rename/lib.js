export const x = "x value";
export default "the default";
