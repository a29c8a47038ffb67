console.log("b start");
await new Promise((resolve) => setTimeout(resolve, 10));
console.log("b end");
export const b = "b";
