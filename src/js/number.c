/* js/number.c: Number::toString (see number.h).  The shortest round-trip
 * digits come from printf's %.*e, trying precisions upward; then the digits
 * are placed as the specification's algorithm says. */
#include "js/number.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
        snprintf(tmp, sizeof tmp, "%.*e", prec, v);
        if (strtod(tmp, NULL) == v) break;
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
