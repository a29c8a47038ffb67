import { debounce, chunk, sortBy } from "lodash-es";
console.log(typeof debounce(() => {}, 10), JSON.stringify(chunk([1, 2, 3, 4, 5], 2)), sortBy([3, 1, 2]).join());
