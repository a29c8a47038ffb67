// import() of a module with top-level await settles only when its
// evaluation has finished; the code after the import() call runs first.
console.log("before import()");
const p = import("./slow.mjs");
console.log("after import()");
p.then((ns) => {
  console.log("settled:", ns.state, ns.read());
  return import("./slow.mjs");
}).then((again) => console.log("second import() waits for nothing:", again.state));
