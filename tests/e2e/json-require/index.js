const data = require("./data.json");
console.log(data.name, data.list.join("+"));
