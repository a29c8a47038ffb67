// x is ambiguous in mid.mjs. As V8 does, the namespace leaves mid.mjs's x
// out and so shows e.mjs's; a named import of x from here is still an
// error (err-export-star-nested-shadowed).
export * from "./mid.mjs";
export * from "./e.mjs";
