// CommonJS files next to ES modules without import/export stay sloppy and
// see require.  Not with format esm: an ES module bundle is strict as a
// whole, and has no require.
import "./esm/probe.js";
import "./esm/side.cjs";
import "./cjs/probe.js";
