"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.greet = greet;
function greet(person) {
    const who = person.name;
    if (!who)
        throw new TypeError("nobody to greet");
    return `hello ${who}`;
}
//# sourceMappingURL=greet.js.map