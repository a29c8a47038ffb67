// Two routes loaded by import(), both using shared.js: with --splitting the
// shared module is in a chunk of its own, loaded once and run once.
Promise.all([import("./route-a.js"), import("./route-b.js")]).then(([a, b]) => {
  console.log(a.render(), b.render());
  return import("./route-a.js").then((again) => console.log(again === a, globalThis.sharedRuns));
});
