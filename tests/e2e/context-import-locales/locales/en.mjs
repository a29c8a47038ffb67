console.log("evaluating en");
export const name = "English";
export default { hello: "hello" };
