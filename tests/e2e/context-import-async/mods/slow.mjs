console.log("slow runs");
await new Promise((r) => setTimeout(r, 5));
export const value = "awaited";
