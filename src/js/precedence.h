/* js/precedence.h: operator precedence levels, lowest first (as
 * esbuild's js_ast.L), by which the parser reads expressions
 * (parse_expr.c) and the printer writes their parentheses
 * (output/print.c). */
#ifndef BALE_JS_PRECEDENCE_H
#define BALE_JS_PRECEDENCE_H

#include "js/lexer.h"

typedef enum Level {
    L_LOWEST, L_COMMA, L_SPREAD, L_YIELD, L_ASSIGN, L_CONDITIONAL, L_NULLISH,
    L_LOGICAL_OR, L_LOGICAL_AND, L_BITWISE_OR, L_BITWISE_XOR, L_BITWISE_AND,
    L_EQUALS, L_COMPARE, L_SHIFT, L_ADD, L_MULTIPLY, L_EXPONENT, L_PREFIX,
    L_POSTFIX, L_NEW, L_CALL, L_MEMBER,
} Level;

/* The level of binary or logical operator k; L_LOWEST for any other token. */
Level js_binary_level(JsTokenKind k);

#endif
