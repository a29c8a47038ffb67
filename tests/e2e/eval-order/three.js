console.log("three");
export {};
