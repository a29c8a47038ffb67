import leftPad from "left-pad-not-installed";
console.log(leftPad("x", 3));
