module.exports = { value: "plain" };
