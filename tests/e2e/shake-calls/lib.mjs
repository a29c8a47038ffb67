// Calls of the module's own functions, looked into: those that only make
// values go when unused; those that touch anything outside stay.
export const log = [];
function make(k) { function f() { return k; } f.k = k; return f; }
const unusedMade = make(1);
export const usedMade = make(2);
function touch(arr) { arr.push("touched"); return arr.length; }
const unusedTouch = touch(log);
const viaIife = (function (x) { var y = x * 2; return function () { return y; }; })(21);
function loud() { console.log("loud ran"); }
const unusedLoud = loud();
export function read() { return [usedMade(), usedMade.k, log.join(), viaIife()]; }
