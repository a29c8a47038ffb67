export const x = "x";
export default "x default";
