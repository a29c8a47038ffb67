console.log("counter evaluated once");
export const n = 1;
