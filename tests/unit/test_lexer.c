/* Contract of js/lexer: tokens, values and flags for every part of the
 * ECMAScript 2025 lexical grammar (with Annex B), the errors it reports,
 * and the re-scans a parser drives (regular expressions, template
 * continuations).
 *
 * The helpers lex a whole source the way a parser would: a `/` where an
 * expression may start is re-scanned as a regular expression, and a `}`
 * that closes a template substitution continues the template.  Each helper
 * is a macro so that a failure names the line of the case, not the helper. */
#include "unit.h"

#include "base/fs.h"
#include "js/lexer.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_TOKENS = 256 };

/* One lexing run; static so that it survives the lexer's longjmp. */
static struct {
    char *buf;
    uint32_t len;
    Arena arena;
    DiagList diags;
    DiagFile file;
    JsLexer lx;
    jmp_buf fail;
    JsToken toks[MAX_TOKENS];
    uint32_t ntoks;
} R;

static const char *const kind_names[TK_COUNT] = {
#define X(name, text) [TK_##name] = #name,
#include "js/token.def"
#undef X
};

static void finish(void) {
    free(R.buf);
    R.buf = NULL;
    arena_free(&R.arena);
    diag_free(&R.diags);
}

/* Can the token end an expression?  Then a `/` after it divides. */
static bool ends_expression(JsTokenKind k) {
    switch (k) {
    case TK_IDENTIFIER: case TK_PRIVATE_NAME: case TK_NUMBER: case TK_BIGINT: case TK_STRING:
    case TK_REGEXP: case TK_TEMPLATE_NOSUB: case TK_TEMPLATE_TAIL: case TK_RPAREN:
    case TK_RBRACKET: case TK_RBRACE: case TK_THIS: case TK_SUPER: case TK_TRUE: case TK_FALSE:
    case TK_NULL:
        return true;
    default:
        return false;
    }
}

/* Lexes src[0..len) to the end into R.toks (EOF included); false when the
 * lexer reported an error (then R.diags holds it). */
static bool lex(const char *src, size_t len, bool module) {
    finish();
    R.len = (uint32_t)len;
    R.buf = calloc(len + FS_PADDING, 1);
    memcpy(R.buf, src, len);
    arena_init(&R.arena, 0);
    diag_init(&R.diags);
    R.file = (DiagFile){"test.js", R.buf, R.len};
    R.ntoks = 0;
    if (setjmp(R.fail)) return false;
    js_lex_init(&R.lx, R.buf, R.len, module, &R.arena, &R.diags, &R.file, &R.fail);
    /* Open braces inside each template substitution being scanned. */
    int braces[32], depth = 0;
    JsTokenKind prev = TK_EOF;
    for (;;) {
        js_lex_next(&R.lx);
        JsTokenKind k = R.lx.tok.kind;
        if ((k == TK_SLASH || k == TK_SLASH_EQ) && !ends_expression(prev)) {
            js_lex_regexp(&R.lx);
        } else if (k == TK_LBRACE && depth > 0) {
            braces[depth - 1]++;
        } else if (k == TK_RBRACE && depth > 0) {
            if (braces[depth - 1]-- == 0) {
                depth--;
                js_lex_template_continue(&R.lx);
            }
        }
        k = R.lx.tok.kind;
        if (k == TK_TEMPLATE_HEAD || k == TK_TEMPLATE_MIDDLE) braces[depth++] = 0;
        if (R.ntoks < MAX_TOKENS) R.toks[R.ntoks++] = R.lx.tok;
        if (k == TK_EOF) return true;
        prev = k;
    }
}

/* Appends bytes, escaping the unprintable ones as \xNN. */
static void put_bytes(char **o, const char *s, uint32_t n) {
    for (uint32_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == 0x7F) *o += sprintf(*o, "\\x%02X", c);
        else *(*o)++ = (char)c;
    }
}

/* The tokens of the last run but EOF: their kind names (variable tokens)
 * or texts (punctuators, reserved words), with values when asked. */
static const char *render(bool values) {
    static char out[1 << 14];
    char *o = out;
    *o = 0;
    for (uint32_t i = 0; i + 1 < R.ntoks; i++) {
        const JsToken *t = &R.toks[i];
        if (o != out) *o++ = ' ';
        if (t->kind >= TK_LBRACE) { /* punctuators and reserved words come after the others */
            o += sprintf(o, "%s", js_token_text(t->kind));
            continue;
        }
        o += sprintf(o, "%s", kind_names[t->kind]);
        if (!values) continue;
        *o++ = '(';
        if (t->kind == TK_NUMBER || t->kind == TK_BIGINT) o += sprintf(o, "%.17g", t->number);
        else if (t->kind == TK_REGEXP) put_bytes(&o, R.buf + t->start, t->end - t->start);
        else put_bytes(&o, t->str, t->len);
        *o++ = ')';
        *o = 0;
    }
    return out;
}

static const char *first_error(void) {
    return R.diags.items.len ? R.diags.items.data[0].msg : "(no error)";
}

static void expect_tokens_(const char *src, size_t len, bool module, bool values, const char *want,
                           const char *file, int line) {
    if (!lex(src, len, module)) {
        print_error("unexpected error: %s\n", first_error());
        _fail(file, line);
    }
    _assert_int_equal(R.diags.items.len, 0, file, line);
    _assert_string_equal(render(values), want, file, line);
}

static void expect_error_(const char *src, size_t len, bool module, const char *want,
                          const char *file, int line) {
    if (lex(src, len, module)) {
        print_error("no error; tokens: %s\n", render(true));
        _fail(file, line);
    }
    _assert_int_equal(R.diags.items.len, 1, file, line);
    const Diag *d = &R.diags.items.data[0];
    _assert_true(d->code == DIAG_SYNTAX && d->file == &R.file, "syntax diagnostic", file, line);
    _assert_true(d->start <= d->end && d->end <= R.len, "range inside the file", file, line);
    _assert_string_equal(d->msg, want, file, line);
}

/* The first token is kind with value bytes want[0..n). */
static void expect_value_(const char *src, size_t len, JsTokenKind kind, const char *want, size_t n,
                          const char *file, int line) {
    if (!lex(src, len, false)) {
        print_error("unexpected error: %s\n", first_error());
        _fail(file, line);
    }
    _assert_string_equal(kind_names[R.toks[0].kind], kind_names[kind], file, line);
    _assert_int_equal(R.toks[0].len, n, file, line);
    _assert_memory_equal(R.toks[0].str, want, n, file, line);
}

static void expect_number_(const char *src, JsTokenKind kind, double want, uint32_t flags,
                           const char *file, int line) {
    if (!lex(src, strlen(src), false)) {
        print_error("unexpected error: %s\n", first_error());
        _fail(file, line);
    }
    _assert_int_equal(R.ntoks, 2, file, line);
    _assert_string_equal(kind_names[R.toks[0].kind], kind_names[kind], file, line);
    if (R.toks[0].number != want) {
        print_error("%s: got %.17g, want %.17g\n", src, R.toks[0].number, want);
        _fail(file, line);
    }
    _assert_int_equal(R.toks[0].flags, flags, file, line);
}

/* Lengths come from the literal so that sources may contain NULs. */
#define expect_tokens(src, want) expect_tokens_(src, sizeof src - 1, false, false, want, __FILE__, __LINE__)
#define expect_module_tokens(src, want) expect_tokens_(src, sizeof src - 1, true, false, want, __FILE__, __LINE__)
#define expect_values(src, want) expect_tokens_(src, sizeof src - 1, false, true, want, __FILE__, __LINE__)
#define expect_error(src, want) expect_error_(src, sizeof src - 1, false, want, __FILE__, __LINE__)
#define expect_module_error(src, want) expect_error_(src, sizeof src - 1, true, want, __FILE__, __LINE__)
#define expect_cooked(src, kind, want) \
    expect_value_(src, sizeof src - 1, TK_##kind, want, sizeof want - 1, __FILE__, __LINE__)
#define expect_number(src, want) expect_number_(src, TK_NUMBER, want, 0, __FILE__, __LINE__)
#define expect_legacy_number(src, want) \
    expect_number_(src, TK_NUMBER, want, JS_TOKF_LEGACY_OCTAL, __FILE__, __LINE__)
#define expect_bigint(src, want) expect_number_(src, TK_BIGINT, want, 0, __FILE__, __LINE__)

/* The flags of token i of the last successful run. */
static uint32_t flags_of(const char *src, size_t len, bool module, uint32_t i) {
    assert_true(lex(src, len, module));
    assert_true(i < R.ntoks);
    return R.toks[i].flags;
}
#define flags_at(src, i) flags_of(src, sizeof src - 1, false, i)

/* ---- Punctuators --------------------------------------------------------- */

static void punctuators(void **state) {
    expect_tokens("{ } ( ) [ ] . ... ; , < > <= >= == != === !== + - * ** % ++ -- << >> >>> & | ^ ! ~",
                  "{ } ( ) [ ] . ... ; , < > <= >= == != === !== + - * ** % ++ -- << >> >>> & | ^ ! ~");
    expect_tokens("&& || ?? ? ?. : = += -= *= **= %= <<= >>= >>>= &= |= ^= &&= ||= ?\?= => @",
                  "&& || ?? ? ?. : = += -= *= **= %= <<= >>= >>>= &= |= ^= &&= ||= ?\?= => @");
    expect_tokens("a / b /= c", "IDENTIFIER / IDENTIFIER /= IDENTIFIER");
}

static void punctuators_take_the_longest_match(void **state) {
    expect_tokens("a>>>=b", "IDENTIFIER >>>= IDENTIFIER");
    expect_tokens("a>>>b>>c>d", "IDENTIFIER >>> IDENTIFIER >> IDENTIFIER > IDENTIFIER");
    expect_tokens("a**=b***c", "IDENTIFIER **= IDENTIFIER ** * IDENTIFIER");
    expect_tokens("a===b!==c!=d==e", "IDENTIFIER === IDENTIFIER !== IDENTIFIER != IDENTIFIER == IDENTIFIER");
    expect_tokens("a&&=b||=c?\?=d", "IDENTIFIER &&= IDENTIFIER ||= IDENTIFIER ?\?= IDENTIFIER");
    expect_tokens("a+++b", "IDENTIFIER ++ + IDENTIFIER");
    expect_tokens("....", "... .");
    expect_tokens("..", ". .");
    expect_tokens("=>=", "=> =");
    /* `?.` followed by a digit is `?` and a number: a conditional. */
    expect_tokens("a?.b", "IDENTIFIER ?. IDENTIFIER");
    expect_tokens("a?.[0]", "IDENTIFIER ?. [ NUMBER ]");
    expect_values("a?.5:b", "IDENTIFIER(a) ? NUMBER(0.5) : IDENTIFIER(b)");
    expect_tokens("a??.5", "IDENTIFIER ?? NUMBER");
}

/* ---- Identifiers and reserved words --------------------------------------- */

static void reserved_words_have_their_own_kinds(void **state) {
    static const char *const words[] = {
        "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete",
        "do", "else", "enum", "export", "extends", "false", "finally", "for", "function", "if",
        "import", "in", "instanceof", "new", "null", "return", "super", "switch", "this", "throw",
        "true", "try", "typeof", "var", "void", "while", "with",
    };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        assert_true(lex(words[i], strlen(words[i]), false));
        assert_string_equal(js_token_text(R.toks[0].kind), words[i]);
        assert_int_equal(R.toks[0].len, strlen(words[i]));
        assert_memory_equal(R.toks[0].str, words[i], strlen(words[i]));
    }
    /* Contextual keywords, near misses and other cases are identifiers. */
    expect_tokens("async await yield let static of get set as from target meta implements",
                  "IDENTIFIER IDENTIFIER IDENTIFIER IDENTIFIER IDENTIFIER IDENTIFIER IDENTIFIER "
                  "IDENTIFIER IDENTIFIER IDENTIFIER IDENTIFIER IDENTIFIER IDENTIFIER");
    expect_tokens("If iff i forx instanceOf instanceofx dox undefined",
                  "IDENTIFIER IDENTIFIER IDENTIFIER IDENTIFIER IDENTIFIER IDENTIFIER IDENTIFIER IDENTIFIER");
    expect_tokens("typeof x in y", "typeof IDENTIFIER in IDENTIFIER");
    /* Words ended by non-ASCII whitespace or line terminators. */
    expect_tokens("return\xc2\xa0x in\xe2\x80\xa8y", "return IDENTIFIER in IDENTIFIER");
    expect_tokens("if\xc3\xa9 inif", "IDENTIFIER IDENTIFIER");
}

static void identifiers(void **state) {
    expect_values("$ _ a1 $_$ A_b9 \\u0061b a\\u{62}c",
                  "IDENTIFIER($) IDENTIFIER(_) IDENTIFIER(a1) IDENTIFIER($_$) IDENTIFIER(A_b9) "
                  "IDENTIFIER(ab) IDENTIFIER(abc)");
    /* Non-ASCII identifiers, decoded from UTF-8 and left in the source. */
    expect_values("caf\xc3\xa9 \xcf\x80 \xe6\x97\xa5\xe6\x9c\xac x\xe2\x80\x8cy \xf0\x9d\x91\x93",
                  "IDENTIFIER(caf\xc3\xa9) IDENTIFIER(\xcf\x80) IDENTIFIER(\xe6\x97\xa5\xe6\x9c\xac) "
                  "IDENTIFIER(x\xe2\x80\x8cy) IDENTIFIER(\xf0\x9d\x91\x93)");
    assert_true(lex("caf\xc3\xa9", 5, false));
    assert_ptr_equal(R.toks[0].str, R.buf);
    assert_int_equal(R.toks[0].flags, 0);
    /* Escaped: cooked into the arena, flagged. */
    expect_cooked("\\u{1d453}x", IDENTIFIER, "\xf0\x9d\x91\x93x");
    assert_int_equal(R.toks[0].flags, JS_TOKF_ESCAPED);
    assert_int_equal(R.toks[0].end, 10);
    expect_cooked("\\u0024\\u005f", IDENTIFIER, "$_");
    /* Identifiers end at a character that is not IdentifierPart. */
    expect_values("a\xc2\xa0" "b", "IDENTIFIER(a) IDENTIFIER(b)");
}

static void escaped_reserved_words_stay_identifiers(void **state) {
    expect_cooked("\\u0069f", IDENTIFIER, "if");
    assert_int_equal(R.toks[0].flags, JS_TOKF_ESCAPED);
    expect_cooked("nul\\u006c", IDENTIFIER, "null");
    expect_cooked("\\u{74}his", IDENTIFIER, "this");
    assert_int_equal(flags_at("if", 0), 0);
}

static void identifier_errors(void **state) {
    expect_error("\\u0031a", "invalid character U+0031 in identifier");
    expect_error("a\\u002Db", "invalid character U+002D in identifier");
    expect_error("a\\u200Cb\\u00A0", "invalid character U+00A0 in identifier");
    expect_error("\\x61", "invalid escape sequence in identifier");
    expect_error("a\\", "invalid escape sequence in identifier");
    expect_error("\\u00", "invalid Unicode escape sequence");
    expect_error("\\u{}", "invalid Unicode escape sequence");
    expect_error("\\u{110000}", "invalid Unicode escape sequence");
    expect_error("\\u{61", "invalid Unicode escape sequence");
    expect_error("\\uD800", "invalid character U+D800 in identifier");
    expect_error("a \xc2\xa7 b", "unexpected character \"\xc2\xa7\"");
    expect_error("\xf0\x9f\x98\x80", "unexpected character \"\xf0\x9f\x98\x80\"");
    expect_error("x\x01", "unexpected character U+0001");
    expect_error("x\x7f", "unexpected character U+007F");
    expect_error("\xe2\x80\x8d", "unexpected character U+200D"); /* ZWJ continues, never starts */
    expect_error("\\", "invalid escape sequence in identifier");
}

static void private_names(void **state) {
    expect_values("this.#x #$ #_1", "this . PRIVATE_NAME(x) PRIVATE_NAME($) PRIVATE_NAME(_1)");
    assert_int_equal(R.toks[2].start, 5);
    assert_int_equal(R.toks[2].end, 7);
    expect_values("#\\u0078y #\xcf\x80", "PRIVATE_NAME(xy) PRIVATE_NAME(\xcf\x80)");
    assert_int_equal(R.toks[0].flags, JS_TOKF_ESCAPED);
    expect_error("# x", "expected a private name after \"#\"");
    expect_error("#1", "expected a private name after \"#\"");
    expect_error("#\\u0031", "invalid character U+0031 in identifier");
    expect_error("#\xc2\xa7", "unexpected character \"\xc2\xa7\"");
    expect_error("a\n#!x", "expected a private name after \"#\"");
}

/* ---- Whitespace, line terminators, comments ------------------------------- */

static void whitespace(void **state) {
    expect_tokens("\ta\v\fb \xc2\xa0" "c\xef\xbb\xbf" "d\xe1\x9a\x80" "e\xe2\x80\x80" "f\xe2\x80\x8a"
                  "g\xe2\x80\xaf" "h\xe2\x81\x9f" "i\xe3\x80\x80" "j",
                  "IDENTIFIER IDENTIFIER IDENTIFIER IDENTIFIER IDENTIFIER IDENTIFIER IDENTIFIER "
                  "IDENTIFIER IDENTIFIER IDENTIFIER");
    expect_tokens("", "");
    expect_tokens(" \n\t ", "");
    assert_int_equal(R.toks[0].kind, TK_EOF);
    assert_int_equal(R.toks[0].start, 4);
    assert_int_equal(R.toks[0].end, 4);
    /* Past the end, the lexer keeps answering EOF. */
    js_lex_next(&R.lx);
    assert_int_equal(R.lx.tok.kind, TK_EOF);
    /* U+200B ZERO WIDTH SPACE is not whitespace in JavaScript. */
    expect_error("a\xe2\x80\x8b", "unexpected character U+200B");
}

static void line_terminators_mark_the_next_token(void **state) {
    assert_int_equal(flags_at("a b", 1), 0);
    assert_int_equal(flags_at("a\nb", 1), JS_TOKF_NEWLINE_BEFORE);
    assert_int_equal(flags_at("a\rb", 1), JS_TOKF_NEWLINE_BEFORE);
    assert_int_equal(flags_at("a\r\nb", 1), JS_TOKF_NEWLINE_BEFORE);
    assert_int_equal(flags_at("a\xe2\x80\xa8" "b", 1), JS_TOKF_NEWLINE_BEFORE);
    assert_int_equal(flags_at("a\xe2\x80\xa9" "b", 1), JS_TOKF_NEWLINE_BEFORE);
    assert_int_equal(flags_at("a // c\n b", 1), JS_TOKF_NEWLINE_BEFORE);
    assert_int_equal(flags_at("a /* c\n */ b", 1), JS_TOKF_NEWLINE_BEFORE);
    assert_int_equal(flags_at("a /* \xe2\x80\xa8 */ b", 1), JS_TOKF_NEWLINE_BEFORE);
    assert_int_equal(flags_at("a /* c */ b", 1), 0);
    assert_int_equal(flags_at("a\n", 1), JS_TOKF_NEWLINE_BEFORE); /* EOF too */
    assert_int_equal(flags_at("a\nb c", 2), 0);
}

static void comments(void **state) {
    expect_tokens("a // b c d\ne", "IDENTIFIER IDENTIFIER");
    expect_tokens("a /* b */ c /**/ d /***/ e /* * / */ f", "IDENTIFIER IDENTIFIER IDENTIFIER IDENTIFIER IDENTIFIER");
    expect_tokens("a /* b\n\n * c **/ d", "IDENTIFIER IDENTIFIER");
    expect_tokens("a // no newline at the end", "IDENTIFIER");
    expect_tokens("a //\xe2\x80\xa8" "b", "IDENTIFIER IDENTIFIER");
    expect_tokens("a // \xe2\x82\xac still \xe2\x80 comment\nb", "IDENTIFIER IDENTIFIER");
    /* NULs and invalid UTF-8 inside comments are characters like others. */
    expect_tokens("a // \0 \xff\nb /* \0 \xc0 */ c", "IDENTIFIER IDENTIFIER IDENTIFIER");
    expect_error("a /* b", "unterminated comment");
    expect_error("a /* b\n c", "unterminated comment");
    expect_error("/*/", "unterminated comment");
    expect_error("a /* \0", "unterminated comment");
    assert_int_equal(R.diags.items.data[0].start, 2);
}

static void pure_comments_mark_the_next_token(void **state) {
    assert_int_equal(flags_at("/* @__PURE__ */ f()", 0), JS_TOKF_PURE_COMMENT);
    assert_int_equal(flags_at("/*#__PURE__*/f()", 0), JS_TOKF_PURE_COMMENT);
    assert_int_equal(flags_at("x = // @__PURE__\n f()", 2), JS_TOKF_PURE_COMMENT | JS_TOKF_NEWLINE_BEFORE);
    assert_int_equal(flags_at("/* a long comment, then #__PURE__ */ new f", 0), JS_TOKF_PURE_COMMENT);
    assert_int_equal(flags_at("/* __PURE__ */ f()", 0), 0);
    assert_int_equal(flags_at("/* @__PURE_ */ f()", 0), 0);
    assert_int_equal(flags_at("/* @__PURE__ */ f(g)", 2), 0); /* only the next token */
    /* The word must end there (esbuild's word boundary), and nothing may
     * come between the @ or # and the word. */
    assert_int_equal(flags_at("/* #__PURE__x */ f()", 0), 0);
    assert_int_equal(flags_at("/* #__PURE__$ */ f()", 0), 0);
    assert_int_equal(flags_at("/* #__PURE__\xc3\xa9 */ f()", 0), 0); /* é continues a name */
    assert_int_equal(flags_at("/* #__PURE__, says the tool */ f()", 0), JS_TOKF_PURE_COMMENT);
    assert_int_equal(flags_at("/* # __PURE__ */ f()", 0), 0);
    assert_int_equal(flags_at("/* @___PURE__ */ f()", 0), 0);
    assert_int_equal(flags_at("/* a__b, c__d, then @__PURE__ */ f()", 0), JS_TOKF_PURE_COMMENT);
    assert_int_equal(flags_at("// @__PURE__", 0), JS_TOKF_PURE_COMMENT); /* before the end */
}

static void no_side_effects_comments_mark_the_next_token(void **state) {
    assert_int_equal(flags_at("/* @__NO_SIDE_EFFECTS__ */ function f() {}", 0), JS_TOKF_NO_SIDE_EFFECTS_COMMENT);
    assert_int_equal(flags_at("/*#__NO_SIDE_EFFECTS__*/function f() {}", 0), JS_TOKF_NO_SIDE_EFFECTS_COMMENT);
    assert_int_equal(flags_at("// #__NO_SIDE_EFFECTS__\nfunction f() {}", 0),
                     JS_TOKF_NO_SIDE_EFFECTS_COMMENT | JS_TOKF_NEWLINE_BEFORE);
    assert_int_equal(flags_at("/* __NO_SIDE_EFFECTS__ */ function f() {}", 0), 0);
    assert_int_equal(flags_at("/* @__NO_SIDE_EFFECTS__x */ function f() {}", 0), 0);
    assert_int_equal(flags_at("/* @__NO_SIDE_EFFECTS_ */ function f() {}", 0), 0);
    /* Both in one comment, or in two comments before one token. */
    assert_int_equal(flags_at("/* @__NO_SIDE_EFFECTS__ @__PURE__ */ f", 0),
                     JS_TOKF_NO_SIDE_EFFECTS_COMMENT | JS_TOKF_PURE_COMMENT);
    assert_int_equal(flags_at("/* #__PURE__ */ /* #__NO_SIDE_EFFECTS__ */ f", 0),
                     JS_TOKF_NO_SIDE_EFFECTS_COMMENT | JS_TOKF_PURE_COMMENT);
    assert_int_equal(flags_at("/* @__NO_SIDE_EFFECTS__ */ f; g", 2), 0);
}

static void html_comments_in_scripts_only(void **state) {
    expect_tokens("a <!-- b c\nd", "IDENTIFIER IDENTIFIER");
    expect_module_tokens("a <!-- b c\nd", "IDENTIFIER < ! -- IDENTIFIER IDENTIFIER IDENTIFIER");
    expect_tokens("a\n--> b c\nd", "IDENTIFIER IDENTIFIER");
    expect_module_tokens("a\n--> b", "IDENTIFIER -- > IDENTIFIER");
    expect_tokens("--> first line\nd", "IDENTIFIER");
    /* `-->` counts only first on its line, after whitespace and comments. */
    expect_tokens("a --> b", "IDENTIFIER -- > IDENTIFIER");
    expect_tokens("x\n  /* c */ /* d */ --> b\ny", "IDENTIFIER IDENTIFIER");
    expect_tokens("x /* c\n */ --> b\ny", "IDENTIFIER IDENTIFIER");
    expect_tokens("x /* c */ --> b", "IDENTIFIER -- > IDENTIFIER");
    expect_tokens("x\n-- > b", "IDENTIFIER -- > IDENTIFIER");
    expect_tokens("x<!-y", "IDENTIFIER < ! - IDENTIFIER");
    /* Flags of the token after an HTML comment. */
    assert_int_equal(flags_at("a <!-- @__PURE__\nf", 1), JS_TOKF_PURE_COMMENT | JS_TOKF_NEWLINE_BEFORE);
}

static void hashbang_and_bom(void **state) {
    expect_tokens("#!/usr/bin/env node\nx", "IDENTIFIER");
    assert_int_equal(R.toks[0].flags, JS_TOKF_NEWLINE_BEFORE);
    expect_tokens("\xef\xbb\xbf#!/usr/bin/env node\nx", "IDENTIFIER");
    expect_tokens("\xef\xbb\xbfx", "IDENTIFIER");
    assert_int_equal(R.toks[0].start, 3);
    expect_tokens("#!", "");
    expect_tokens("#! a \xff b", "");
    expect_error(" #!x", "expected a private name after \"#\"");
}

static void nul_and_invalid_utf8(void **state) {
    expect_error("a\0b", "unexpected NUL character");
    assert_int_equal(R.diags.items.data[0].start, 1);
    expect_error("\0", "unexpected NUL character");
    expect_error("a \xff", "invalid UTF-8");
    expect_error("a\xff", "invalid UTF-8");
    expect_error("\xc0\x80", "invalid UTF-8");          /* overlong */
    expect_error("\xed\xa0\x80", "invalid UTF-8");      /* a surrogate */
    expect_error("\xf4\x90\x80\x80", "invalid UTF-8");  /* beyond U+10FFFF */
    expect_error("\xe2\x80", "invalid UTF-8");          /* truncated by the end */
    expect_error("x = 1\n\xc3", "invalid UTF-8");
}

/* ---- Numbers ------------------------------------------------------------ */

static void decimal_numbers(void **state) {
    expect_number("0", 0);
    expect_number("7", 7);
    expect_number("123", 123);
    expect_number("1.5", 1.5);
    expect_number(".5", 0.5);
    expect_number("5.", 5);
    expect_number("0.1", 0.1);
    expect_number("1e3", 1000);
    expect_number("1E+3", 1000);
    expect_number("1e-3", 0.001);
    expect_number("2.5e-3", 0.0025);
    expect_number(".5e1", 5);
    expect_number("1.e2", 100);
    expect_number("1_000", 1000);
    expect_number("1_0.0_1e0_1", 100.1);
    expect_number("999999999999999", 999999999999999.0);
    expect_number("9007199254740993", 9007199254740992.0); /* 2^53 + 1 rounds to even */
    expect_number("123456789012345678901234567890", 1.2345678901234568e29);
    expect_number("1_2345678901234567890", 12345678901234567890.0);
    expect_number("1.7976931348623157e308", 1.7976931348623157e308);
    expect_number("5e-324", 5e-324);
    expect_number("1e400", INFINITY);
    expect_number("0.000001", 0.000001);
    expect_values("5..x 1.5.y", "NUMBER(5) . IDENTIFIER(x) NUMBER(1.5) . IDENTIFIER(y)");
    assert_int_equal(R.toks[0].end, 2);
    expect_values("x=.5", "IDENTIFIER(x) = NUMBER(0.5)");
}

static void radix_numbers(void **state) {
    expect_number("0x1F", 31);
    expect_number("0X1f", 31);
    expect_number("0xABCdef", 0xabcdef);
    expect_number("0o17", 15);
    expect_number("0O17", 15);
    expect_number("0b101", 5);
    expect_number("0B1", 1);
    expect_number("0x0", 0);
    expect_number("0x1_F", 31);
    expect_number("0b1_0_1", 5);
    expect_number("0x1fffffffffffff", 9007199254740991.0);
    expect_number("0x20000000000001", 9007199254740992.0);   /* ties to even */
    expect_number("0x20000000000003", 9007199254740996.0);
    expect_number("0xffffffffffffffff", 18446744073709551616.0);
    expect_number("0x000000000000000000000000001", 1);        /* leading zeros are free */
    /* Beyond 64 bits: still correctly rounded. */
    expect_number("0xffffffffffffffffff", 4722366482869645213696.0);      /* 2^72 - 1 */
    expect_number("0x100000000000008000", 295147905179352825856.0); /* 2^68 + half an ulp: even */
    expect_number("0x100000000000018000", 295147905179352956928.0); /* 2^68 + 1.5 ulp: even */
    expect_number("0x100000000000080001", 295147905179353350144.0); /* just above a half */
    expect_number("0o7777777777777777777777777", 37778931862957161709568.0); /* 8^25 - 1 */
    expect_number("0b11111111111111111111111111111111111111111111111111111111111111111",
                  36893488147419103232.0); /* 2^65 - 1 */
    expect_number("0o1000000000000000000000001", 37778931862957161709568.0 / 8); /* 2^72 + 1 */
}

static void legacy_octal_and_leading_zeros(void **state) {
    expect_legacy_number("017", 15);
    expect_legacy_number("00", 0);
    expect_legacy_number("0777", 511);
    expect_legacy_number("08", 8);
    expect_legacy_number("09.5", 9.5);
    expect_legacy_number("0189", 189);
    expect_legacy_number("089e1", 890);
    expect_legacy_number("01777777777777777777777", 18446744073709551616.0);
    expect_number("0.5", 0.5);
    expect_values("017.5", "NUMBER(15) NUMBER(0.5)"); /* an octal has no fraction */
    expect_error("017n", "a BigInt literal cannot have a leading 0");
    expect_error("08n", "a BigInt literal cannot have a leading 0");
    expect_error("09.5n", "a BigInt literal must be an integer");
    expect_error("01_1", "numeric separators are not allowed after a leading 0");
    expect_error("08_1", "numeric separators are not allowed after a leading 0");
    expect_error("0_1", "numeric separators are not allowed after a leading 0");
    expect_error("017e1", "identifier starts immediately after numeric literal");
}

static void bigints(void **state) {
    expect_bigint("1n", 1);
    expect_bigint("0n", 0);
    expect_bigint("123n", 123);
    expect_bigint("1_0n", 10);
    expect_bigint("0x1Fn", 31);
    expect_bigint("0o7n", 7);
    expect_bigint("0b1n", 1);
    expect_bigint("0xffffffffffffffffffffn", 1208925819614629174706176.0);
    /* str/len: the digits without the n. */
    expect_cooked("12_3n", BIGINT, "12_3");
    assert_int_equal(R.toks[0].end, 5);
    expect_error("1.5n", "a BigInt literal must be an integer");
    expect_error("1e3n", "a BigInt literal must be an integer");
    expect_error(".5n", "a BigInt literal must be an integer");
    expect_error("1nn", "identifier starts immediately after numeric literal");
}

static void numeric_separator_errors(void **state) {
    expect_error("1__0", "only one underscore is allowed as numeric separator");
    expect_error("1_", "numeric separators are only allowed between digits");
    expect_error("1_;", "numeric separators are only allowed between digits");
    expect_error("1_.5", "numeric separators are only allowed between digits");
    expect_error("1._5", "numeric separators are only allowed between digits");
    expect_error("1.5_", "numeric separators are only allowed between digits");
    expect_error("1e_1", "missing exponent");
    expect_error("1e1_", "numeric separators are only allowed between digits");
    expect_error("1_e1", "numeric separators are only allowed between digits");
    expect_error("0x_1", "numeric separators are only allowed between digits");
    expect_error("0x1_", "numeric separators are only allowed between digits");
    expect_error("0b1__1", "only one underscore is allowed as numeric separator");
    expect_error("1_n", "numeric separators are only allowed between digits");
    expect_tokens("._5", ". IDENTIFIER"); /* not a number at all */
}

static void what_may_follow_a_number(void **state) {
    expect_error("3in x", "identifier starts immediately after numeric literal");
    expect_error("3.in", "identifier starts immediately after numeric literal");
    expect_error("3$", "identifier starts immediately after numeric literal");
    expect_error("3\\u0061", "identifier starts immediately after numeric literal");
    expect_error("3\xc3\xa9", "identifier starts immediately after numeric literal");
    expect_error("0x1g", "identifier starts immediately after numeric literal");
    expect_error("0b12", "invalid digit \"2\" in binary literal");
    expect_error("0o18", "invalid digit \"8\" in octal literal");
    expect_error("0x", "expected digits after \"0x\"");
    expect_error("0o8", "expected digits after \"0o\"");
    expect_error("0B", "expected digits after \"0B\"");
    expect_error("1e", "missing exponent");
    expect_error("1e+", "missing exponent");
    expect_error("1ex", "missing exponent");
    expect_tokens("1 in x", "NUMBER in IDENTIFIER");
    expect_tokens("1\xc2\xa0" "2", "NUMBER NUMBER"); /* NBSP is whitespace, not an identifier */
}

/* ---- Strings ------------------------------------------------------------ */

static void plain_strings_point_into_the_source(void **state) {
    expect_values("'abc' \"d'e\" 'f\"g' ''", "STRING(abc) STRING(d'e) STRING(f\"g) STRING()");
    assert_ptr_equal(R.toks[0].str, R.buf + 1);
    assert_int_equal(R.toks[0].flags, 0);
    assert_int_equal(R.toks[0].start, 0);
    assert_int_equal(R.toks[0].end, 5);
    /* NULs, invalid UTF-8 and non-ASCII pass through. */
    expect_cooked("'a\0b\xff\xe2\x82\xac'", STRING, "a\0b\xff\xe2\x82\xac");
    assert_int_equal(R.toks[0].flags, 0);
    /* U+2028 and U+2029 are allowed, and flagged. */
    expect_cooked("'a\xe2\x80\xa8" "b'", STRING, "a\xe2\x80\xa8" "b");
    assert_int_equal(R.toks[0].flags, JS_TOKF_HAS_ESCAPE);
}

static void string_escapes(void **state) {
    expect_cooked("'\\n\\t\\b\\f\\v\\r\\0'", STRING, "\n\t\b\f\v\r\0");
    assert_int_equal(R.toks[0].flags, JS_TOKF_HAS_ESCAPE);
    expect_cooked("'\\'\\\"\\\\'", STRING, "'\"\\");
    expect_cooked("'\\a\\c\\\xc3\xa9\\$'", STRING, "ac\xc3\xa9$"); /* identity escapes */
    expect_cooked("'\\x41\\x7a\\xff\\xFF'", STRING, "Az\xc3\xbf\xc3\xbf");
    expect_cooked("'\\u0041\\u00e9\\u20AC'", STRING, "A\xc3\xa9\xe2\x82\xac");
    expect_cooked("'\\u{41}\\u{1F600}\\u{10FFFF}\\u{000000041}'", STRING,
                 "A\xf0\x9f\x98\x80\xf4\x8f\xbf\xbf" "A");
    /* Line continuations vanish. */
    expect_cooked("'a\\\nb\\\r\nc\\\rd\\\xe2\x80\xa8" "e\\\xe2\x80\xa9" "f'", STRING, "abcdef");
    assert_int_equal(R.toks[0].flags, JS_TOKF_HAS_ESCAPE);
    expect_values("'a\\\r\nb' x", "STRING(ab) IDENTIFIER(x)");
    assert_int_equal(R.toks[1].flags, 0);
}

static void string_surrogates(void **state) {
    /* An escaped pair is one code point; a lone surrogate is WTF-8. */
    expect_cooked("'\\uD83D\\uDE00'", STRING, "\xf0\x9f\x98\x80");
    expect_cooked("'\\uD83D\\u{DE00}'", STRING, "\xf0\x9f\x98\x80");
    expect_cooked("'\\uD800'", STRING, "\xed\xa0\x80");
    expect_cooked("'\\uDE00\\uD83D'", STRING, "\xed\xb8\x80\xed\xa0\xbd");
    expect_cooked("'\\uD83Dx\\uDE00'", STRING, "\xed\xa0\xbdx\xed\xb8\x80");
    expect_cooked("'\\uD83D\\uD83D\\uDE00'", STRING, "\xed\xa0\xbd\xf0\x9f\x98\x80");
    expect_cooked("'\\uD83D\\n'", STRING, "\xed\xa0\xbd\n");
}

static void string_legacy_octal_escapes(void **state) {
    expect_cooked("'\\1'", STRING, "\x01");
    assert_int_equal(R.toks[0].flags, JS_TOKF_LEGACY_OCTAL | JS_TOKF_HAS_ESCAPE);
    expect_cooked("'\\101\\60'", STRING, "A0");
    expect_cooked("'\\377'", STRING, "\xc3\xbf");
    expect_cooked("'\\400'", STRING, " 0"); /* \40 then 0 */
    expect_cooked("'\\7777'", STRING, "?77"); /* \77 then 77 */
    expect_cooked("'\\08'", STRING, "\0" "8");
    assert_int_equal(R.toks[0].flags, JS_TOKF_LEGACY_OCTAL | JS_TOKF_HAS_ESCAPE);
    expect_cooked("'\\00'", STRING, "\0");
    assert_int_equal(R.toks[0].flags, JS_TOKF_LEGACY_OCTAL | JS_TOKF_HAS_ESCAPE);
    expect_cooked("'\\8\\9'", STRING, "89");
    assert_int_equal(R.toks[0].flags, JS_TOKF_LEGACY_OCTAL | JS_TOKF_HAS_ESCAPE);
    expect_cooked("'\\0a'", STRING, "\0a");
    assert_int_equal(R.toks[0].flags, JS_TOKF_HAS_ESCAPE);
}

static void string_errors(void **state) {
    expect_error("'abc", "unterminated string literal");
    assert_int_equal(R.diags.items.data[0].start, 0);
    expect_error("x = \"abc'", "unterminated string literal");
    assert_int_equal(R.diags.items.data[0].start, 4);
    expect_error("'a\nb'", "unterminated string literal");
    expect_error("'a\rb'", "unterminated string literal");
    expect_error("'abc\\", "unterminated string literal");
    expect_error("'abc\\'", "unterminated string literal");
    expect_error("'a\0", "unterminated string literal");
    expect_error("'\\x4'", "invalid hexadecimal escape sequence");
    expect_error("'\\xg0'", "invalid hexadecimal escape sequence");
    expect_error("'\\x'", "invalid hexadecimal escape sequence");
    expect_error("'\\u12'", "invalid Unicode escape sequence");
    expect_error("'\\u'", "invalid Unicode escape sequence");
    expect_error("'\\u{}'", "invalid Unicode escape sequence");
    expect_error("'\\u{110000}'", "invalid Unicode escape sequence");
    expect_error("'\\u{12'", "invalid Unicode escape sequence");
    expect_error("'\\u{12 }'", "invalid Unicode escape sequence");
    assert_int_equal(R.diags.items.data[0].start, 1);
}

/* ---- Templates ---------------------------------------------------------- */

static void templates(void **state) {
    expect_values("`abc`", "TEMPLATE_NOSUB(abc)");
    assert_ptr_equal(R.toks[0].str, R.buf + 1);
    assert_int_equal(R.toks[0].end, 5);
    expect_values("``", "TEMPLATE_NOSUB()");
    expect_values("`a${x}b${y + 1}c`",
                  "TEMPLATE_HEAD(a) IDENTIFIER(x) TEMPLATE_MIDDLE(b) IDENTIFIER(y) + NUMBER(1) "
                  "TEMPLATE_TAIL(c)");
    assert_int_equal(R.toks[0].start, 0), assert_int_equal(R.toks[0].end, 4);
    assert_int_equal(R.toks[2].start, 5), assert_int_equal(R.toks[2].end, 9);
    assert_int_equal(R.toks[6].start, 14), assert_int_equal(R.toks[6].end, 17);
    /* Braces and templates nested inside a substitution. */
    expect_values("`a${ {b: `c${d}e`}[`f`] }g` h",
                  "TEMPLATE_HEAD(a) { IDENTIFIER(b) : TEMPLATE_HEAD(c) IDENTIFIER(d) TEMPLATE_TAIL(e) } "
                  "[ TEMPLATE_NOSUB(f) ] TEMPLATE_TAIL(g) IDENTIFIER(h)");
    expect_values("`${a}${b}`", "TEMPLATE_HEAD() IDENTIFIER(a) TEMPLATE_MIDDLE() IDENTIFIER(b) TEMPLATE_TAIL()");
    expect_values("`$ $$ {} \\${ $\\{`", "TEMPLATE_NOSUB($ $$ {} ${ ${)");
    expect_values("`a\nb\xe2\x80\xa8" "c\0\xff`", "TEMPLATE_NOSUB(a\\x0Ab\xe2\x80\xa8" "c\\x00\xff)");
    expect_values("tag`x`", "IDENTIFIER(tag) TEMPLATE_NOSUB(x)");
    /* A newline before the `}` stays on the continued token. */
    expect_values("`a${x\n}b`", "TEMPLATE_HEAD(a) IDENTIFIER(x) TEMPLATE_TAIL(b)");
    assert_int_equal(R.toks[2].flags, JS_TOKF_NEWLINE_BEFORE);
}

static void template_cooked_values(void **state) {
    expect_cooked("`a\r\nb\rc\n`", TEMPLATE_NOSUB, "a\nb\nc\n");
    expect_cooked("`\\n\\t\\x41\\u0042\\u{43}\\0\\``", TEMPLATE_NOSUB, "\n\tABC\0`");
    expect_cooked("`a\\\r\nb\\\nc`", TEMPLATE_NOSUB, "abc");
    expect_cooked("`\\uD83D\\uDE00`", TEMPLATE_NOSUB, "\xf0\x9f\x98\x80");
    expect_cooked("`\r\n${", TEMPLATE_HEAD, "\n");
    assert_int_equal(R.toks[0].flags, 0);
}

static void template_invalid_escapes_are_flags(void **state) {
    static const char *const bad[] = {"`\\01`", "`\\1`", "`\\8`", "`\\x`", "`\\x1`", "`\\u12`",
                                      "`\\u{110000}`", "`\\u{`", "`\\u{12`", "`a${x}\\07`"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_true(lex(bad[i], strlen(bad[i]), false));
        const JsToken *t = &R.toks[R.ntoks - 2];
        if (!(t->flags & JS_TOKF_INVALID_ESCAPE)) fail_msg("%s: no INVALID_ESCAPE", bad[i]);
        assert_false(t->flags & JS_TOKF_LEGACY_OCTAL);
        assert_int_equal(t->len, 0);
    }
    assert_int_equal(flags_at("`\\0`", 0), 0);
    assert_int_equal(flags_at("`\\0a`", 0), 0);
    assert_int_equal(flags_at("`\\x41${x}\\u{41}`", 2), 0);
    expect_values("`\\u{`+1", "TEMPLATE_NOSUB() + NUMBER(1)"); /* the token still ends right */
}

static void template_errors(void **state) {
    expect_error("`abc", "unterminated template literal");
    assert_int_equal(R.diags.items.data[0].start, 0);
    expect_error("`abc\\", "unterminated template literal");
    expect_error("`abc\\`", "unterminated template literal");
    expect_error("`abc$", "unterminated template literal");
    expect_error("`a\0", "unterminated template literal");
    expect_error("x = `a${b}c", "unterminated template literal");
    assert_int_equal(R.diags.items.data[0].start, 9); /* the `}` that continues it */
    /* A template head at the end of the input is the parser's problem. */
    expect_values("`a${", "TEMPLATE_HEAD(a)");
}

/* ---- Regular expressions ------------------------------------------------- */

static void regular_expressions(void **state) {
    expect_values("x = /ab+c/gi;", "IDENTIFIER(x) = REGEXP(/ab+c/gi) ;");
    assert_int_equal(R.toks[2].len, 4);
    assert_memory_equal(R.toks[2].str, "ab+c", 4);
    assert_int_equal(R.toks[2].start, 4);
    assert_int_equal(R.toks[2].end, 12);
    expect_values("a / b / c", "IDENTIFIER(a) / IDENTIFIER(b) / IDENTIFIER(c)");
    expect_values("(/[/]/)", "( REGEXP(/[/]/) )");
    expect_values("/\\//.test(s)", "REGEXP(/\\//) . IDENTIFIER(test) ( IDENTIFIER(s) )");
    expect_values("x(/=/g)", "IDENTIFIER(x) ( REGEXP(/=/g) )");
    assert_memory_equal(R.toks[2].str, "=", 1);
    expect_values("/[\\]/]+/", "REGEXP(/[\\]/]+/)");
    expect_values("/a/dgimsuy", "REGEXP(/a/dgimsuy)");
    expect_values("/a/v", "REGEXP(/a/v)");
    expect_values("/[[a]/]/v", "REGEXP(/[[a]/) ] / IDENTIFIER(v)"); /* the literal ends at the first / */
    expect_values("/\xe2\x82\xac\xff\0/", "REGEXP(/\xe2\x82\xac\xff\\x00/)");
    expect_values("/a/ instanceof RegExp", "REGEXP(/a/) instanceof IDENTIFIER(RegExp)");
    /* Flags stay on the re-scanned token. */
    assert_int_equal(flags_at("x\n/a/", 1), JS_TOKF_NEWLINE_BEFORE);
    assert_int_equal(flags_at("/*@__PURE__*/ /a/", 0), JS_TOKF_PURE_COMMENT);
}

static void regular_expression_errors(void **state) {
    expect_error("/abc", "unterminated regular expression");
    expect_error("/a\nb/", "unterminated regular expression");
    expect_error("/a\rb/", "unterminated regular expression");
    expect_error("/a\xe2\x80\xa8/", "unterminated regular expression");
    expect_error("/a\\\n/", "unterminated regular expression");
    expect_error("/a\\", "unterminated regular expression");
    expect_error("/[/", "unterminated regular expression");
    expect_error("/[/]\n/", "unterminated regular expression");
    expect_error("x = /=", "unterminated regular expression");
    expect_error("/a/gg", "duplicate flag \"g\" in regular expression");
    expect_error("/a/x", "invalid regular expression flag \"x\"");
    expect_error("/a/G", "invalid regular expression flag \"G\"");
    expect_error("/a/g1", "invalid regular expression flag \"1\"");
    expect_error("/a/g\xc3\xa9", "invalid regular expression flag \"\xc3\xa9\"");
    expect_error("/a/uv", "the regular expression flags \"u\" and \"v\" cannot be used together");
    expect_error("/a/\\u0067", "regular expression flags cannot contain escapes");
}

/* ---- All together ---------------------------------------------------------- */

static void a_realistic_snippet(void **state) {
    expect_values("import { a as b } from \"./m.js\";\n"
                  "export default class C extends D {\n"
                  "  #p = 0x10n;\n"
                  "  static m(x = /\\d+/u) { return x?.y ?? `v=${x.#p}`; }\n"
                  "}\n",
                  "import { IDENTIFIER(a) IDENTIFIER(as) IDENTIFIER(b) } IDENTIFIER(from) STRING(./m.js) ; "
                  "export default class IDENTIFIER(C) extends IDENTIFIER(D) { "
                  "PRIVATE_NAME(p) = BIGINT(16) ; "
                  "IDENTIFIER(static) IDENTIFIER(m) ( IDENTIFIER(x) = REGEXP(/\\d+/u) ) { return "
                  "IDENTIFIER(x) ?. IDENTIFIER(y) ?? TEMPLATE_HEAD(v=) IDENTIFIER(x) . PRIVATE_NAME(p) "
                  "TEMPLATE_TAIL() ; } }");
}

static void plain_tokens_allocate_nothing(void **state) {
    expect_tokens("const a = 'b' + `c${d}e` + 1.5e3 + /f/g.source; // g\n/* h */ class I { #j = k; }",
                  "const IDENTIFIER = STRING + TEMPLATE_HEAD IDENTIFIER TEMPLATE_TAIL + NUMBER + REGEXP . "
                  "IDENTIFIER ; class IDENTIFIER { PRIVATE_NAME = IDENTIFIER ; }");
    assert_int_equal(R.arena.used, 0);
    expect_tokens("'\\n'", "STRING");
    assert_true(R.arena.used > 0);
}

/* The parser reports its own errors through js_lex_error, like the lexer. */
static void parser_errors_look_like_lexer_errors(void **state) {
    assert_true(lex("let x = ;", 9, false));
    if (setjmp(R.fail) == 0) {
        js_lex_error(&R.lx, 8, 9, "unexpected %s", "\";\"");
        fail_msg("js_lex_error returned");
    }
    assert_int_equal(R.diags.items.len, 1);
    const Diag *d = &R.diags.items.data[0];
    assert_int_equal(d->code, DIAG_SYNTAX);
    assert_int_equal(d->severity, DIAG_ERROR);
    assert_ptr_equal(d->file, &R.file);
    assert_int_equal(d->start, 8);
    assert_int_equal(d->end, 9);
    assert_string_equal(d->msg, "unexpected \";\"");
    /* Ranges are clamped to the file. */
    if (setjmp(R.fail) == 0) js_lex_error(&R.lx, 50, 60, "at the end");
    assert_int_equal(R.diags.items.data[1].start, 9);
    assert_int_equal(R.diags.items.data[1].end, 9);
}

static void token_texts_and_unicode_classes(void **state) {
    assert_string_equal(js_token_text(TK_QUESTION2_EQ), "?\?=");
    assert_string_equal(js_token_text(TK_SHR_EQ), ">>>=");
    assert_string_equal(js_token_text(TK_INSTANCEOF), "instanceof");
    assert_string_equal(js_token_text(TK_EOF), "<end of file>");
    assert_string_equal(js_token_text(TK_AT), "@");
    assert_true(js_is_id_start('a') && js_is_id_start('Z') && js_is_id_start('$') && js_is_id_start('_'));
    assert_false(js_is_id_start('1') || js_is_id_start('-') || js_is_id_start(' ') || js_is_id_start(0));
    assert_true(js_is_id_continue('1') && js_is_id_continue('$'));
    assert_false(js_is_id_continue('-') || js_is_id_continue('{'));
    assert_true(js_is_id_start(0xE9) && js_is_id_start(0x3C0) && js_is_id_start(0x65E5));
    assert_true(js_is_id_start(0x2118) && js_is_id_start(0x309B)); /* Other_ID_Start */
    assert_true(js_is_id_start(0x1D453) && js_is_id_start(0x20000));
    assert_false(js_is_id_start(0x200C) || js_is_id_start(0x0660) || js_is_id_start(0x1F600));
    assert_true(js_is_id_continue(0x200C) && js_is_id_continue(0x200D) && js_is_id_continue(0x0660));
    assert_true(js_is_id_continue(0x0301) && js_is_id_continue(0xB7)); /* combining, Other_ID_Continue */
    assert_false(js_is_id_continue(0xA0) || js_is_id_continue(0xFEFF) || js_is_id_continue(0x2028));
    assert_false(js_is_id_start(0xD800) || js_is_id_continue(0xDFFF));
    assert_false(js_is_id_start(0x10FFFF) || js_is_id_continue(0x110000) || js_is_id_start(UINT32_MAX));
}

static int teardown(void **state) {
    finish();
    return 0;
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(punctuators),
        cmocka_unit_test(punctuators_take_the_longest_match),
        cmocka_unit_test(reserved_words_have_their_own_kinds),
        cmocka_unit_test(identifiers),
        cmocka_unit_test(escaped_reserved_words_stay_identifiers),
        cmocka_unit_test(identifier_errors),
        cmocka_unit_test(private_names),
        cmocka_unit_test(whitespace),
        cmocka_unit_test(line_terminators_mark_the_next_token),
        cmocka_unit_test(comments),
        cmocka_unit_test(pure_comments_mark_the_next_token),
        cmocka_unit_test(no_side_effects_comments_mark_the_next_token),
        cmocka_unit_test(html_comments_in_scripts_only),
        cmocka_unit_test(hashbang_and_bom),
        cmocka_unit_test(nul_and_invalid_utf8),
        cmocka_unit_test(decimal_numbers),
        cmocka_unit_test(radix_numbers),
        cmocka_unit_test(legacy_octal_and_leading_zeros),
        cmocka_unit_test(bigints),
        cmocka_unit_test(numeric_separator_errors),
        cmocka_unit_test(what_may_follow_a_number),
        cmocka_unit_test(plain_strings_point_into_the_source),
        cmocka_unit_test(string_escapes),
        cmocka_unit_test(string_surrogates),
        cmocka_unit_test(string_legacy_octal_escapes),
        cmocka_unit_test(string_errors),
        cmocka_unit_test(templates),
        cmocka_unit_test(template_cooked_values),
        cmocka_unit_test(template_invalid_escapes_are_flags),
        cmocka_unit_test(template_errors),
        cmocka_unit_test(regular_expressions),
        cmocka_unit_test(regular_expression_errors),
        cmocka_unit_test(a_realistic_snippet),
        cmocka_unit_test(plain_tokens_allocate_nothing),
        cmocka_unit_test(parser_errors_look_like_lexer_errors),
        cmocka_unit_test(token_texts_and_unicode_classes),
    };
    return cmocka_run_group_tests(tests, NULL, teardown);
}
