/*! lib: kept, once */// @license MIT (a line comment)
let x=1;/** @preserve kept too */console.log(x);/*! lib: kept, once */console.log(2);
