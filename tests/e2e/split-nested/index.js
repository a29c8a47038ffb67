// import() inside a module that was itself loaded by import().
console.log("entry");
import("./outer.js").then(async (outer) => {
  console.log(outer.name);
  const inner = await outer.loadInner();
  console.log(inner.name, inner.fromOuter);
});
