console.log("shared");
export {};
