console.log("ok runs");
