import util from "./util.cjs";
export { util };
