// An export * chain that reaches CommonJS: only run time knows its names,
// so the namespace is merged at run time, from hoisted ES modules'
// namespaces too (esm.mjs, inner.mjs).
export * from "./esm.mjs";
export * from "./inner.mjs";
export const own = "own";
