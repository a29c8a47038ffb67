import { scaleLinear, extent } from "d3";
const [lo, hi] = extent([3, 1, 7]);
console.log(lo, hi, scaleLinear().domain([lo, hi]).range([0, 100])(4));
