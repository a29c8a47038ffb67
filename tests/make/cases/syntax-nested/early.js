let e = 1;
let e = 2;
export { e };
