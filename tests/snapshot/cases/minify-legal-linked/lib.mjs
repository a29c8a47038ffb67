/*! lib: kept, once */
// @license MIT (a line comment)
/* an ordinary comment: dropped */
export const x = 1;
/** @preserve kept too */
console.log(x);
