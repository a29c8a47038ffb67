#!/usr/bin/env node
import { v } from "./v.js";
console.log(v);
