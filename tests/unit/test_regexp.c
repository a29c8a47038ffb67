/* Contract of js/regexp: which regular expression patterns are early errors
 * under which flags (ECMA-262 2025 22.2.1, Annex B.1.2 without u or v).
 *
 * ok(pattern, flags) expects the pattern to be valid; bad(pattern, flags,
 * message) expects an error whose message contains `message`.  Every such
 * line is also checked against Node's `new RegExp(pattern, flags)` by
 * scripts/check_regexp_cases.js; ok_spec and bad_spec mark the cases
 * where Node 20 is behind the 2025 spec (duplicate named groups, modifiers),
 * which the checker expects Node 20 to answer the other way. */
#include "unit.h"

#include "js/regexp.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void check(const char *pattern, const char *flags, const char *want, int line) {
    const char *msg = NULL;
    uint32_t offset = 0;
    bool valid = js_regexp_check(pattern, (uint32_t)strlen(pattern), flags, (uint32_t)strlen(flags),
                                 &msg, &offset);
    if (!want && !valid)
        fail_msg("line %d: /%s/%s: unexpected error \"%s\" at %u", line, pattern, flags, msg, offset);
    if (want && valid) fail_msg("line %d: /%s/%s: accepted, expected \"%s\"", line, pattern, flags, want);
    if (want && !strstr(msg, want))
        fail_msg("line %d: /%s/%s: error \"%s\", expected \"%s\"", line, pattern, flags, msg, want);
    if (!valid) assert_true(offset <= strlen(pattern));
}

#define ok(pattern, flags) check(pattern, flags, NULL, __LINE__)
#define bad(pattern, flags, msg) check(pattern, flags, msg, __LINE__)
#define ok_spec(pattern, flags) check(pattern, flags, NULL, __LINE__)
#define bad_spec(pattern, flags, msg) check(pattern, flags, msg, __LINE__)

/* The error's offset, for the cases where it matters to the message. */
static void bad_at(const char *pattern, const char *flags, uint32_t want) {
    const char *msg;
    uint32_t offset = 0;
    assert_false(js_regexp_check(pattern, (uint32_t)strlen(pattern), flags, (uint32_t)strlen(flags),
                                 &msg, &offset));
    assert_int_equal(offset, want);
}

static void basics(void **state) {
    ok("", "");
    ok("a|b", "");
    ok("a|", "");
    ok("|", "u");
    ok("abc", "u");
    ok("^a$", "u");
    ok(".", "v");
    ok("(a)(b)(?:c)", "u");
    ok("a\\/b", "u");
    ok("h\xC3\xA9llo \xF0\x9F\x98\x80", "u");
    bad("(", "", "unterminated group");
    bad("(a", "u", "unterminated group");
    bad("(?:a", "", "unterminated group");
    bad("a)", "", "unmatched ')'");
    bad(")", "u", "unmatched ')'");
    bad("\\", "", "\\ at end of pattern");
    bad("a\\", "u", "\\ at end of pattern");
    bad("[a", "", "unterminated character class");
    bad("[", "v", "unterminated character class");
    bad("(?", "", "invalid group");
    bad("(?x)", "", "invalid group");
    bad("(?<)", "", "invalid capture group name");
}

static void annex_b_leniency(void **state) {
    ok("]", "");
    ok("a]", "");
    ok("{", "");
    ok("}", "");
    ok("a{", "");
    ok("a{1", "");
    ok("a{1,", "");
    ok("a{,5}", "");
    ok("{a}", "");
    ok("x{1}{", "");
    ok("\\c", "");
    ok("\\c1", "");
    ok("\\c*", "");
    ok("\\cA", "");
    ok("\\q", "");
    ok("\\a\\e\\g\\z", "");
    ok("\\-", "");
    ok("\\x1", "");
    ok("\\xZZ", "");
    ok("\\u12", "");
    ok("\\u{41}", "");
    ok("\\u{1F600}", "");
    ok("\\p{Foo}", "");
    ok("\\P", "");
    ok("\\8", "");
    ok("\\9", "");
    ok("\\1", "");
    ok("\\00", "");
    ok("\\07", "");
    ok("\\377", "");
    ok("\\400", "");
    ok("(a)\\2", "");
    ok("\\k", "");
    ok("\\k<a>", "");
    ok("\\k<", "");
    ok("(?=a)*", "");
    ok("(?!a)+", "");
    ok("(?=a){2}", "");
    ok("(?=a)?", "");
    ok("a{2,1", "");
    bad("*a", "", "nothing to repeat");
    bad("+", "", "nothing to repeat");
    bad("?", "", "nothing to repeat");
    bad("a**", "", "nothing to repeat");
    bad("a???", "", "nothing to repeat");
    bad("{1}", "", "nothing to repeat");
    bad("{1,}", "", "nothing to repeat");
    bad("{1,2}", "", "nothing to repeat");
    bad("x{1}{1}", "", "nothing to repeat");
    bad("a|*", "", "nothing to repeat");
    bad("(*)", "", "nothing to repeat");
    bad("^*", "", "nothing to repeat");
    bad("$+", "", "nothing to repeat");
    bad("\\b*", "", "nothing to repeat");
    bad("\\B{1}", "", "nothing to repeat");
    bad("(?<=a)*", "", "nothing to repeat");
    bad("(?<!a){1}", "", "nothing to repeat");
    bad("a{2,1}", "", "numbers out of order");
    bad_spec("a{99999999999999999999,99999999999999999998}", "", "numbers out of order");
    bad("(?<a>.)\\k", "", "invalid named reference");
    bad("(?<a>.)\\k<b>", "", "no capture group of that name");
    bad("(?<a>.)[\\k]", "", "invalid escape");
}

static void unicode_strict(void **state) {
    bad("]", "u", "lone ']'");
    bad("{", "u", "lone quantifier brackets");
    bad("}", "u", "lone quantifier brackets");
    bad("a{", "u", "incomplete quantifier");
    bad("a{1", "u", "incomplete quantifier");
    bad("a{,5}", "u", "incomplete quantifier");
    bad("{1}", "u", "nothing to repeat");
    bad("\\c", "u", "invalid \\c escape");
    bad("\\c1", "u", "invalid \\c escape");
    bad("\\q", "u", "invalid escape");
    bad("\\a", "u", "invalid escape");
    bad("\\-", "u", "invalid escape");
    bad("\\x1", "u", "invalid hexadecimal escape");
    bad("\\u12", "u", "invalid unicode escape");
    bad("\\u{110000}", "u", "invalid unicode escape");
    bad("\\u{}", "u", "invalid unicode escape");
    bad("\\u{12", "u", "invalid unicode escape");
    bad("\\00", "u", "invalid decimal escape");
    bad("\\01", "u", "invalid decimal escape");
    bad("\\k", "u", "invalid named reference");
    bad("\\k<a>", "u", "no capture group of that name");
    bad("(?=a)*", "u", "nothing to repeat");
    bad("(?!a){1}", "u", "nothing to repeat");
    bad("\\8", "u", "backreference");
    ok("\\u{10FFFF}", "u");
    ok("\\u{0000000041}", "u");
    ok("\\uD83D\\uDE00", "u");
    ok("\\uD83D", "u");
    ok("\\uDE00", "u");
    ok("\\cA\\cz", "u");
    ok("\\0", "u");
    ok("\\0a", "u");
    ok("\\x41", "u");
    ok("\\^\\$\\\\\\.\\*\\+\\?\\(\\)\\[\\]\\{\\}\\|\\/", "u");
    ok("\\f\\n\\r\\t\\v", "u");
    ok("\\d\\D\\s\\S\\w\\W\\b\\B", "u");
    ok("a{1}b{1,}c{1,2}d*?e+?f??g{3}?", "u");
    ok("(?=a)(?!b)(?<=c)(?<!d)", "u");
    ok("/", "u");
}

static void quantifiers(void **state) {
    ok("a*", "");
    ok("a+?", "");
    ok("a{0}", "u");
    ok("a{2,2}", "u");
    ok("a{99999999999999999999}", "u");
    ok("a{1,99999999999999999999}", "u");
    ok("a{007,7}", "u");
    ok("(a)*", "u");
    ok("(?:a){2}?", "u");
    ok("[a]+", "u");
    ok("\\1+(a)", "u");
    bad("a{2,1}", "u", "numbers out of order");
    bad("a{10,9}", "u", "numbers out of order");
    bad("a{1}{2}", "u", "nothing to repeat");
    bad("a*+", "u", "nothing to repeat");
    bad("|+", "u", "nothing to repeat");
    bad("()**", "", "nothing to repeat");
    bad("(?:)??*", "", "nothing to repeat");
}

static void classes(void **state) {
    ok("[]", "");
    ok("[^]", "u");
    ok("[a-z]", "u");
    ok("[-a]", "u");
    ok("[a-]", "u");
    ok("[a-b-c]", "u");
    ok("[--a]", "");
    ok("[\\d-a]", "");
    ok("[a-\\d]", "");
    ok("[\\w-\\d]", "");
    ok("[\\b-\\n]", "u");
    ok("[\\-]", "u");
    ok("[\\c1]", "");
    ok("[\\c_]", "");
    ok("[\\c]", "");
    ok("[\\c*]", "");
    ok("[]]", "");
    ok("[(){}|/]", "u");
    ok("[\\1]", "");
    ok("[\\8]", "");
    ok("[\\k]", "");
    ok("[\\B]", "");
    ok("[\\u{1F600}]", "");
    ok("[\\uD83D\\uDE00-\\uD83D\\uDE01]", "u");
    ok("[\xF0\x9F\x98\x80-\xF0\x9F\x98\x82]", "u");
    ok("[\\u{1F600}-\\u{1F602}]", "u");
    ok("[\\0-\\x7f]", "u");
    ok("[\\x00-\\uFFFF]", "");
    ok("\\\xF0\x9F\x98\x80[-a]", ""); /* the escaped astral's low half stays outside */
    ok("\xF0\x9F\x98\x80[-a]", "");
    bad("[b-a]", "", "range out of order");
    bad("[b-a]", "u", "range out of order");
    bad("[\\d-a]", "u", "invalid character class range");
    bad("[a-\\d]", "u", "invalid character class range");
    bad("[\\p{L}-z]", "u", "invalid character class range");
    bad("[\xF0\x9F\x98\x80-\xF0\x9F\x98\x82]", "", "range out of order");
    bad("[\\uD83D\\uDE00-\\uD83D\\uDE01]", "", "range out of order");
    bad("[\\u{1F600}-\\u{1F602}]", "", "range out of order");
    bad("[z-\\x00]", "", "range out of order");
    bad("[a--]", "", "range out of order");
    bad("[\\c-a]", "", "range out of order");
    bad("[\\1]", "u", "invalid class escape");
    bad("[\\c1]", "u", "invalid \\c escape");
    bad("[\\B]", "u", "invalid escape");
    bad("[\\k]", "u", "invalid escape");
    bad("[\\a]", "u", "invalid escape");
    bad("[\\00]", "u", "invalid decimal escape");
}

static void unicode_sets(void **state) {
    ok("[a-z]", "v");
    ok("[[a-z]--[aeiou]]", "v");
    ok("[[a-z]&&[aeiou]]", "v");
    ok("[\\w&&\\d]", "v");
    ok("[\\w--\\d--[x]]", "v");
    ok("[a&&b&&c]", "v");
    ok("[[abc][def]]", "v");
    ok("[[[[[a]]]]]", "v");
    ok("[^[a-z]&&[x]]", "v");
    ok("[\\q{abc|d}]", "v");
    ok("[\\q{}]", "v");
    ok("[^\\q{a|b}]", "v");
    ok("[\\q{a\\|b}]", "v");
    ok("[a&b]", "v");
    ok("[!#]", "v");
    ok("[\\&\\&]", "v");
    ok("[\\-\\!\\#\\%\\,\\:\\;\\<\\=\\>\\@\\`\\~]", "v");
    ok("[\\(\\)\\[\\]\\{\\}\\/\\-\\\\\\|]", "v");
    ok("[\\b]", "v");
    ok("[]", "v");
    ok("[^]", "v");
    ok("[\\p{RGI_Emoji}--\\q{x}]", "v");
    ok("[^\\p{RGI_Emoji}&&a]", "v");
    bad("[^[\\p{RGI_Emoji}]--\\p{RGI_Emoji}]", "v", "may contain strings");
    ok("[^\\q{a}--\\p{RGI_Emoji}]", "v");
    ok("[^[a]&&\\p{RGI_Emoji}]", "v");
    ok("\\p{RGI_Emoji}", "v");
    bad("[^[^\\p{RGI_Emoji}]]", "v", "may contain strings");
    ok("[^[^\\q{a}]]", "v");
    bad("[(]", "v", "unescaped syntax character");
    bad("[)]", "v", "unescaped syntax character");
    bad("[{]", "v", "unescaped syntax character");
    bad("[}]", "v", "unescaped syntax character");
    bad("[/]", "v", "unescaped syntax character");
    bad("[|]", "v", "unescaped syntax character");
    bad("[-a]", "v", "unescaped syntax character");
    bad("[a-]", "v", "unescaped syntax character");
    bad("[a-z&&b]", "v", "invalid set operation");
    bad("[ab&&c]", "v", "invalid set operation");
    bad("[a&&bc]", "v", "invalid set operation");
    bad("[a&&b--c]", "v", "invalid set operation");
    bad("[a--b&&c]", "v", "invalid set operation");
    bad("[a&&&b]", "v", "invalid set operation");
    bad("[&&a]", "v", "invalid set operation");
    bad("[a&&]", "v", "missing operand");
    bad("[a--]", "v", "missing operand");
    bad("[a!!b]", "v", "invalid set operation");
    bad("[##]", "v", "invalid set operation");
    bad("[$$]", "v", "invalid set operation");
    bad("[%%]", "v", "invalid set operation");
    bad("[**]", "v", "invalid set operation");
    bad("[++]", "v", "invalid set operation");
    bad("[,,]", "v", "invalid set operation");
    bad("[..]", "v", "invalid set operation");
    bad("[::]", "v", "invalid set operation");
    bad("[;;]", "v", "invalid set operation");
    bad("[<<]", "v", "invalid set operation");
    bad("[==]", "v", "invalid set operation");
    bad("[>>]", "v", "invalid set operation");
    bad("[??]", "v", "invalid set operation");
    bad("[@@]", "v", "invalid set operation");
    bad("[^^^]", "v", "invalid set operation");
    bad("[``]", "v", "invalid set operation");
    bad("[~~]", "v", "invalid set operation");
    bad("[a-\\d]", "v", "invalid character class range");
    bad("[\\d-a]", "v", "unescaped syntax character");
    bad("[z-a]", "v", "range out of order");
    bad("[^\\q{ab}]", "v", "may contain strings");
    bad("[^\\q{}]", "v", "may contain strings");
    bad("[^\\p{RGI_Emoji}]", "v", "may contain strings");
    bad("[^[\\q{ab}]]", "v", "may contain strings");
    bad("\\P{RGI_Emoji}", "v", "negated property of strings");
    bad("[\\q{a}", "v", "unterminated character class");
    bad("[\\q{a]", "v", "unescaped syntax character");
    bad("[[a]", "v", "unterminated character class");
    bad("[\\q{(}]", "v", "unescaped syntax character");
    bad("\\q{a}", "v", "invalid escape");
    bad("]", "v", "lone ']'");
    bad("[\\a]", "v", "invalid escape");
}

static void named_groups(void **state) {
    ok("(?<a>x)\\k<a>", "");
    ok("\\k<a>(?<a>x)", "");
    ok("(?<a>x)\\k<a>", "u");
    ok("(?<$>x)(?<_b1>y)", "");
    ok("(?<\xC3\xA9t\xC3\xA9>x)", "u");
    ok("(?<\\u0061>x)\\k<a>", "");
    ok("(?<a>x)\\k<\\u{61}>", "u");
    ok("(?<\\u{1d49c}>x)", "");
    ok("(?<\\ud835\\udc9c>x)", "u");
    ok("(?<\xF0\x9D\x92\x9C>x)", "");
    ok("(?<a\xE2\x80\x8C>x)", "u");
    ok("(?<a>x)(?<b>y)\\k<b>", "u");
    ok("(?<a>(?<b>x))", "u");
    ok("(?<a>x)|(?<b>y)", "u");
    bad("(?<>x)", "", "invalid capture group name");
    bad("(?<1a>x)", "", "invalid capture group name");
    bad("(?<a-b>x)", "u", "invalid capture group name");
    bad("(?<a", "", "invalid capture group name");
    bad("(?<\\u0031>x)", "u", "invalid capture group name");
    bad("(?<\\x61>x)", "", "invalid capture group name");
    bad("(?<a>x)(?<a>y)", "", "duplicate capture group name");
    bad("(?<a>x)(?<\\u0061>y)", "u", "duplicate capture group name");
    bad("(?<a>(?<a>x))", "", "duplicate capture group name");
    bad("(?<a>x|(?<a>y))", "", "duplicate capture group name");
    bad("(?<a>x)(?:y|(?<a>z))", "", "duplicate capture group name");
    bad("(?<a>x)\\k<b>", "u", "no capture group of that name");
    bad("(?<a>x)\\k<a", "", "invalid capture group name");
    bad("(?<a>x)\\k<1>", "", "invalid capture group name");
}

/* ES2025 duplicate named groups: Node 20 rejects every duplicate. */
static void duplicate_named_groups(void **state) {
    ok_spec("(?<a>x)|(?<a>y)", "");
    ok_spec("(?<a>x)|(?<a>y)", "u");
    ok_spec("(?<a>x)|(?<a>y)|(?<a>z)", "v");
    ok_spec("((?<a>x)|(?<a>y))", "");
    ok_spec("(?:(?<a>x)|(?<a>y))\\k<a>", "u");
    ok_spec("(?:(?<a>x)|(?:z|(?<a>y)))", "");
    ok_spec("(?<a>x)|(?:(?<a>y)|(?<a>z))", "");
    ok_spec("((?<a>x)|(?<b>y))|(?<a>z)", "");
    bad("(?<a>x)|(?<a>y)(?<a>z)", "", "duplicate capture group name");
    bad("((?<a>x)|b)(?<a>y)", "", "duplicate capture group name");
    bad("(?:(?<a>x)|(?<a>y))(?<a>z)", "u", "duplicate capture group name");
    bad("(?<a>x)((?<a>y)|z)", "", "duplicate capture group name");
}

/* ES2025 modifiers: Node 20 knows none. */
static void modifiers(void **state) {
    ok_spec("(?i:a)", "");
    ok_spec("(?m:^a)", "u");
    ok_spec("(?s:.)", "v");
    ok_spec("(?ims:a)", "");
    ok_spec("(?-i:a)", "");
    ok_spec("(?i-m:a)", "u");
    ok_spec("(?i-:a)", "");
    ok_spec("(?i:a)*", "u");
    ok_spec("(?i:a(?-i:b))", "");
    bad("(?-:a)", "", "modifiers on both sides are empty");
    bad("(?ii:a)", "", "repeated flag in modifiers");
    bad("(?i-i:a)", "u", "repeated flag in modifiers");
    bad("(?-ii:a)", "", "repeated flag in modifiers");
    bad("(?g:a)", "", "invalid group");
    bad("(?i)", "", "invalid group");
    bad("(?i-m-s:a)", "", "invalid group");
    bad("(?I:a)", "u", "invalid group");
}

static void backreferences(void **state) {
    ok("(a)\\1", "u");
    ok("\\1(a)", "u");
    ok("(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)\\10", "u");
    ok("(?<n>a)\\1", "u");
    ok("[(]\\1(a)", "u");
    ok("\\(\\1(a)", "u");
    ok("(?:a)(?=b)\\0", "u");
    bad("\\1", "u", "backreference");
    bad("(a)\\2", "u", "backreference");
    bad("(?:a)\\1", "u", "backreference");
    bad("[(]\\1", "u", "backreference");
    bad("(a)\\99999999999999999999", "u", "backreference");
    bad("[[\\(]]\\1", "v", "backreference");
    bad("[[(]]\\1", "u", "lone ']'"); /* without v, [[(] is the class */
}

static void property_escapes(void **state) {
    ok("\\p{L}", "u");
    ok("\\p{Lu}\\P{Ll}", "u");
    ok("\\p{Letter}", "u");
    ok("\\p{gc=Lu}", "u");
    ok("\\p{General_Category=Uppercase_Letter}", "u");
    ok("\\p{Script=Latin}", "u");
    ok("\\p{sc=Grek}", "u");
    ok("\\p{scx=Hira}", "u");
    ok("\\p{Script_Extensions=Greek}", "u");
    ok("\\p{ASCII}\\p{Any}\\p{Assigned}", "u");
    ok("\\p{Alphabetic}\\p{Alpha}", "u");
    ok("\\p{Emoji_Presentation}", "u");
    ok("\\p{ID_Start}", "v");
    ok("[\\p{L}\\P{N}]", "u");
    ok("\\p{RGI_Emoji_ZWJ_Sequence}\\p{Basic_Emoji}\\p{Emoji_Keycap_Sequence}", "v");
    ok("\\p{RGI_Emoji_Flag_Sequence}\\p{RGI_Emoji_Modifier_Sequence}\\p{RGI_Emoji_Tag_Sequence}", "v");
    bad("\\p", "u", "invalid property name");
    bad("\\p{", "u", "invalid property name");
    bad("\\p{}", "u", "invalid property name");
    bad("\\p{L", "u", "invalid property name");
    bad("\\p{Foo}", "u", "invalid property name");
    bad("\\p{lu}", "u", "invalid property name");
    bad("\\p{Latin}", "u", "invalid property name");
    bad("\\p{ L}", "u", "invalid property name");
    bad("\\p{gc=Latin}", "u", "invalid property value");
    bad("\\p{sc=Lu}", "u", "invalid property value");
    bad("\\p{Script=}", "u", "invalid property name");
    bad("\\p{Foo=Bar}", "u", "invalid property name");
    bad("\\p{ASCII=Y}", "u", "invalid property name");
    bad("\\p{RGI_Emoji}", "u", "invalid property name");
    bad("[\\p{Basic_Emoji}]", "u", "invalid property name");
    bad("\\P{Basic_Emoji}", "v", "negated property of strings");
    bad("[\\P{RGI_Emoji}]", "v", "negated property of strings");
}

/* 100,000 open groups must be checked without recursion. */
static void deep_nesting(void **state) {
    enum { DEPTH = 100000 };
    char *s = malloc(2 * DEPTH + 2);
    const char *msg;
    uint32_t offset;
    for (int i = 0; i < DEPTH; i++) s[i] = '(';
    assert_false(js_regexp_check(s, DEPTH, "", 0, &msg, &offset));
    assert_string_equal(msg, "unterminated group");
    assert_int_equal(offset, DEPTH - 1);
    for (int i = 0; i < DEPTH; i++) s[DEPTH + i] = ')';
    assert_true(js_regexp_check(s, 2 * DEPTH, "u", 1, &msg, &offset));
    for (int i = 0; i < DEPTH; i++) s[i] = '[', s[DEPTH + i] = ']';
    assert_true(js_regexp_check(s, 2 * DEPTH, "v", 1, &msg, &offset));
    assert_false(js_regexp_check(s, 2 * DEPTH - 1, "v", 1, &msg, &offset));
    assert_string_equal(msg, "unterminated character class");
    assert_true(js_regexp_check(s, 2 * DEPTH, "", 0, &msg, &offset)); /* [[[...] then ]]]... */
    /* Many named groups in alternatives: the heap fallback of the name list. */
    char *t = malloc(20 * 2000);
    uint32_t n = 0;
    for (int i = 0; i < 2000; i++) n += (uint32_t)sprintf(t + n, "%s(?<g%d>x)", i ? "|" : "", i % 1000);
    assert_true(js_regexp_check(t, n, "u", 1, &msg, &offset));
    n += (uint32_t)sprintf(t + n, "(?<g7>y)"); /* g7 is in other alternatives only */
    assert_true(js_regexp_check(t, n, "u", 1, &msg, &offset));
    n += (uint32_t)sprintf(t + n, "(?<g999>y)"); /* the last alternative has one */
    assert_false(js_regexp_check(t, n, "u", 1, &msg, &offset));
    assert_string_equal(msg, "duplicate capture group name");
    free(t);
    free(s);
}

static void offsets(void **state) {
    bad_at("ab(cd", "", 2);
    bad_at("ab)", "", 2);
    bad_at("a**", "", 2);
    bad_at("[b-a]", "", 1);
    bad_at("x\\p{Foo}", "u", 1);
    bad_at("(?<a>x)(?<a>y)", "", 7);
    bad_at("(?<a>x)\\k<b>", "u", 7);
    bad_at("[a&&&b]", "v", 4);
    bad_at("[^\\q{ab}]", "v", 0);
    bad_at("(?ii:a)", "", 3);
    bad_at("a", "uv", 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(basics),
        cmocka_unit_test(annex_b_leniency),
        cmocka_unit_test(unicode_strict),
        cmocka_unit_test(quantifiers),
        cmocka_unit_test(classes),
        cmocka_unit_test(unicode_sets),
        cmocka_unit_test(named_groups),
        cmocka_unit_test(duplicate_named_groups),
        cmocka_unit_test(modifiers),
        cmocka_unit_test(backreferences),
        cmocka_unit_test(property_escapes),
        cmocka_unit_test(deep_nesting),
        cmocka_unit_test(offsets),
    };
    return RUN(tests);
}
