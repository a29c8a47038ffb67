import { Thing, make } from "./a.mjs";
import { used } from "./b.mjs";
console.log(new Thing().hi(), make(), make.name, Thing.name, used());
