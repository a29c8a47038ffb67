// A direct eval sees the module's own names: the module keeps its function.
const secret = "seen by eval";
export const viaEval = eval("secret");
