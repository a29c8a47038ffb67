// A CommonJS module that replaces module.exports with a function (or a
// class) with properties, imported from an ES module: the default import
// is the function; detected properties are named exports; the namespace is
// not callable.
import greet, { version, helper } from "./fn.cjs";
import * as ns from "./fn.cjs";
import Thing, * as thingNs from "./cls.cjs";
console.log(greet("you"), greet.name, version, helper());
console.log(typeof ns, typeof ns.default, ns.default === greet, Reflect.ownKeys(ns));
console.log(new Thing().made, Thing.create() instanceof Thing, Reflect.ownKeys(thingNs));
