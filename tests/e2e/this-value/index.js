console.log(this === undefined, typeof this);
import "./c.cjs";
const f = () => this;
console.log(f());
function g() { return this; }
console.log(g());
