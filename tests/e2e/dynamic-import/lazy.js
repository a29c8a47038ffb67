console.log("lazy runs");
export const value = "lazy value";
export default "lazy default";
