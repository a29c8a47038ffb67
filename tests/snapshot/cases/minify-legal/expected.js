let x=1;console.log(x);console.log(2);
/*! lib: kept, once */
// @license MIT (a line comment)
/** @preserve kept too */
