console.log("effect runs");
