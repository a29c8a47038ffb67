// Its Thing and make are renamed (a.mjs has them first) and then left
// out by tree shaking: what the renames add around them goes too.
class Thing { hi() { return "b"; } }
let make;
make = () => "b";
function used() { return "used"; }
export { Thing, make, used };
