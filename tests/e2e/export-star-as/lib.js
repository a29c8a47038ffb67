export const one = 1;
export default "libdefault";
