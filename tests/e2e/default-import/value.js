const v = 42;
export default v;
export const other = "o";
