console.log("cjs this is exports:", this === module.exports);
