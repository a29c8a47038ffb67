/* js/number.h: JavaScript's Number-to-String conversion (ECMA-262
 * Number::toString with radix 10): the shortest digits that read back as
 * the same double, laid out as JavaScript prints them ("1e+21", "0.000001",
 * "1e-7", "Infinity").  Property keys compare by this string, and the
 * printer and minifier will print numbers with it. */
#ifndef BALE_JS_NUMBER_H
#define BALE_JS_NUMBER_H

enum { JS_NUMBER_BUF = 32 };

/* Writes the string into buf (at least JS_NUMBER_BUF bytes) and returns its
 * length.  Can't fail. */
int js_number_to_string(double v, char *buf);

#endif
