var threw = false;
try {
  undeclaredInEsm = 1;
} catch (e) {
  threw = e instanceof ReferenceError;
}
console.log("esm/probe.js strict:", threw, typeof require);
