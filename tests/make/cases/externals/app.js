import React from "react";
import { thing } from "@scope/pkg/sub";
const dom = require("react-dom-not-installed");
console.log(React, thing, dom);
