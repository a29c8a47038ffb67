console.log("c");
Promise.resolve().then(() => console.log("c microtask"));
