export const name = "Français";
export default { hello: "bonjour" };
