import { h, Component, createContext, options } from "../../npm/node_modules/preact/dist/preact.mjs";
import { useState } from "../../npm/node_modules/preact/hooks/dist/hooks.mjs";
const vnode = h("div", { id: "x" }, h("span", null, "hello"), "world");
console.log(vnode.type, vnode.props.id, vnode.props.children.length, typeof Component, typeof createContext, typeof options, typeof useState);
