export * from "./lib.cjs"; export const fromInner = "inner";
