export const name = "Deutsch";
export default { hello: "hallo" };
