module.exports = { join: (...p) => p.join("/") };
