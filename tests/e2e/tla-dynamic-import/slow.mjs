export let state = "started";
console.log("slow start");
await new Promise((resolve) => setTimeout(resolve, 10));
state = "done";
console.log("slow end");
export function read() { return state; }
