console.log("bad start");
await new Promise((resolve) => setTimeout(resolve, 5));
throw new Error("bad after await");
