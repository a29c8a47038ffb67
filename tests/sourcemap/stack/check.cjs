"use strict";
/* a comment: lines before the throw */

exports.check = function check(v) {
  if (v > 2) throw new RangeError("too large: " + v);
  return v;
};
