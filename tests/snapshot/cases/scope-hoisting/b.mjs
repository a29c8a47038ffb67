import aDefault, { helper as aHelper, Thing as AThing, make as aMake, Klass as AKlass, later as aLater, Map as AMap } from "./a.mjs";
function helper() { return "b.helper"; }
class Thing { who() { return "b.Thing"; } }
const make = function () { return "b.make"; };
function shadow() {
  const helper = "inner helper"; // a nested name: the import below must not be captured by it
  return [helper, aHelper()];
}
export default class {}
export function report() {
  return {
    names: [helper.name, Thing.name, make.name, aHelper.name, AThing.name, aMake.name, AKlass.name, aLater.name, aDefault.name],
    calls: [helper(), aHelper(), new Thing().who(), new AThing().describe(), AThing.kind, aMake(), make(), aDefault()],
    shadow: shadow(),
    maps: [typeof Map, new Map([[1, 2]]).get(1), AMap],
  };
}
