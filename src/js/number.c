/* js/number.c: Number::toString and the locale-independent conversions
 * (see number.h).  The shortest round-trip digits come from printf's %.*e,
 * trying precisions upward; then the digits are placed as the
 * specification's algorithm says.
 * Memory: none (the "C" locale object is made once and lives as long as
 * the process).  Pipeline: used by the lexer, the JSON reader, the AST dump
 * and, through property keys, the scope pass. */
#include "js/number.h"

#include <locale.h>
#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static pthread_once_t c_locale_once = PTHREAD_ONCE_INIT;
static locale_t c_locale; /* written once, under c_locale_once */

static void make_c_locale(void) {
    c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    if (!c_locale) abort();
}

static locale_t get_c_locale(void) {
    pthread_once(&c_locale_once, make_c_locale);
    return c_locale;
}

double js_strtod_c(const char *s, char **end) { return strtod_l(s, end, get_c_locale()); }

int js_snprintf_c(char *buf, size_t size, const char *fmt, ...) {
    locale_t old = uselocale(get_c_locale());
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    uselocale(old);
    return n;
}

int js_number_to_string(double v, char *buf) {
    if (isnan(v)) return sprintf(buf, "NaN");
    if (v == 0) return sprintf(buf, "0");
    char *out = buf;
    if (v < 0) {
        *out++ = '-';
        v = -v;
    }
    if (isinf(v)) return (int)(out - buf) + sprintf(out, "Infinity");
    char tmp[40];
    for (int prec = 0; prec <= 16; prec++) {
        js_snprintf_c(tmp, sizeof tmp, "%.*e", prec, v);
        if (js_strtod_c(tmp, NULL) == v) break;
    }
    /* tmp is d[.ddd]e[+-]XX: collect the digits k and the exponent. */
    char digits[24];
    int k = 0;
    const char *p = tmp;
    for (; *p && *p != 'e'; p++)
        if (*p >= '0' && *p <= '9') digits[k++] = *p;
    while (k > 1 && digits[k - 1] == '0') k--;
    int n = atoi(p + 1) + 1; /* the decimal point sits after n digits */
    if (k <= n && n <= 21) {
        memcpy(out, digits, (size_t)k);
        out += k;
        for (int i = k; i < n; i++) *out++ = '0';
    } else if (0 < n && n <= 21) {
        memcpy(out, digits, (size_t)n);
        out += n;
        *out++ = '.';
        memcpy(out, digits + n, (size_t)(k - n));
        out += k - n;
    } else if (-6 < n && n <= 0) {
        *out++ = '0';
        *out++ = '.';
        for (int i = 0; i < -n; i++) *out++ = '0';
        memcpy(out, digits, (size_t)k);
        out += k;
    } else {
        *out++ = digits[0];
        if (k > 1) {
            *out++ = '.';
            memcpy(out, digits + 1, (size_t)(k - 1));
            out += k - 1;
        }
        out += sprintf(out, "e%c%d", n - 1 < 0 ? '-' : '+', abs(n - 1));
    }
    *out = '\0';
    return (int)(out - buf);
}
