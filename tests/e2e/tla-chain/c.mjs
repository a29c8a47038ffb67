console.log("c start");
export const c = await new Promise((resolve) => setTimeout(() => resolve("c"), 5));
console.log("c end");
