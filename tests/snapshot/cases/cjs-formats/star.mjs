export * from "./c.cjs";
export const own = 1;
