// Not in a cycle: the default binding may be the binding itself, but a
// binding reassigned later keeps the value it had (a snapshot).
export function g() { return "g"; }
export default g;
export let counter = 1;
const snapshot = counter;
export { snapshot as default2 };
