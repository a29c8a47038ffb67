// import() of a template over modules that await at top level and over
// CommonJS: each settles as a static import() of that file would (an
// async module after its await; CommonJS as Node's namespace of it).
const load = (name) => import(`./mods/${name}`);
console.log("start");
load("slow.mjs")
  .then((m) => console.log("slow:", m.value, Object.keys(m).join()))
  .then(() => load("plain.cjs"))
  .then((m) => console.log("cjs:", typeof m.default, m.default.x, Object.keys(m).join()));
console.log("after");
