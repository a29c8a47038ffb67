// import() of JSON from an ES module Node runs as one: without
// { with: { type: "json" } } Node rejects it; with it, the namespace has
// only default.
import("./d.json")
  .then(() => console.log("loaded"), (e) => console.log(e.name, e.code))
  .then(() => import("./d.json", { with: { type: "json" } }))
  .then((m) => console.log(Object.keys(m), m.default.a));
