import { chunk, uniq, debounce } from "es-toolkit";
console.log(JSON.stringify(chunk([1, 2, 3], 2)), uniq([1, 1, 2]).join(), typeof debounce(() => {}, 1));
