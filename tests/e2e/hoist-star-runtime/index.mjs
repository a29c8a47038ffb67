import * as ns from "./mid.mjs";
import { fromEsm, f } from "./mid.mjs";
console.log(Object.keys(ns).join(), ns.fromEsm, ns.fromCjs, ns.own, fromEsm, f());
