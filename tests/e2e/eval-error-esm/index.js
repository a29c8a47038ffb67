// An ES module whose evaluation throws keeps its error: every later
// import gets the same error, and the module does not run again.
globalThis.runs = 0;
import("./bad.js").catch((e1) =>
  import("./bad.js").catch((e2) =>
    import("./uses-bad.js").catch((e3) => {
      console.log(e1.message, e1 === e2, e1 === e3, globalThis.runs);
    })));
