export let value = "first";
export default value;
value = "second";
