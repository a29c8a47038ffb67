export default { hello: "olá" };
