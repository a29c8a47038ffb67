/* js/number.h: numbers between text and double, whatever the process locale.
 *
 * JavaScript's Number-to-String conversion (ECMA-262 Number::toString with
 * radix 10): the shortest digits that read back as the same double, laid
 * out as JavaScript prints them ("1e+21", "0.000001", "1e-7", "Infinity").
 * Property keys compare by this string, and the printer and minifier will
 * print numbers with it.
 *
 * C's strtod and printf follow LC_NUMERIC: under a locale such as de_DE
 * they read "1.5" as 1 and write 1.5 as "1,5".  A program embedding bale may
 * have called setlocale, so every conversion in bale goes through the two
 * "C locale" helpers below instead (a lexer, JSON and printing all agree). */
#ifndef BALE_JS_NUMBER_H
#define BALE_JS_NUMBER_H

#include <stddef.h>

enum { JS_NUMBER_BUF = 32 };

/* Writes the string into buf (at least JS_NUMBER_BUF bytes) and returns its
 * length.  Can't fail. */
int js_number_to_string(double v, char *buf);

/* strtod in the "C" locale ('.' is the decimal point, always), through
 * strtod_l; same contract as strtod.  Thread-safe: the locale object is
 * made once (pthread_once) and only read afterwards.  Can't fail (aborts if
 * the C library cannot make the "C" locale). */
double js_strtod_c(const char *s, char **end);

/* snprintf in the "C" locale: the calling thread switches to it
 * (uselocale) for the call only, so other threads are unaffected. */
int js_snprintf_c(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

#endif
