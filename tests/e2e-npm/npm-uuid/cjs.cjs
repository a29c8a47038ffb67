const uuid = require("uuid");
exports.id = uuid.v5("bale", uuid.v5.URL);
exports.validate = uuid.validate;
exports.sameFunction = (f) => f === uuid.v5;
exports.keys = Object.keys(uuid);
