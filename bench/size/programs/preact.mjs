import { h, Fragment } from "preact";
const v = h(Fragment, null, h("b", { id: "x" }, "hi"));
console.log(typeof v, v.props.children.type);
