export const x = "lx";
export default "ly";
