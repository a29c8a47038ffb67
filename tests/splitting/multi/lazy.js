import { bump } from "./shared.js";
export const v = "lazy" + bump();
