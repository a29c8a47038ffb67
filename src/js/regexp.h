/* js/regexp.h: the early errors of regular expression literals.
 *
 * The lexer finds where a regular expression literal ends and checks its
 * flags; this module checks the pattern between the slashes against the
 * grammar of ECMA-262 2025 (22.2.1) under those flags, so the parser can
 * reject `/(/` or `/\p{Foo}/u` as engines do, before the code ever runs:
 *
 *   no u or v flag   the web-compatibility grammar of Annex B.1.2: `]`, `{`
 *                    and `}` may stand for themselves, unknown escapes are
 *                    identity escapes, octal escapes, quantifiable lookaheads.
 *   u                the strict grammar: \u{...}, \p{...}, backreferences
 *                    that must exist, only syntax characters escaped.
 *   v                u plus class set syntax: [[a-z]--[aeiou]], &&, \q{...},
 *                    properties of strings (\p{RGI_Emoji}).
 *
 * Also: named groups (duplicates only in different alternatives, ES2025),
 * \k<name> references, modifiers (?i:...) (?-m:...) (ES2025).
 *
 * Nesting of groups and of v-mode classes is kept on explicit stacks, so any
 * depth is checked without recursion.  Normal patterns allocate nothing;
 * deep nesting or many named groups fall back to the heap (mem_alloc) and
 * free it before returning.  No state: callable from any thread. */
#ifndef BALE_JS_REGEXP_H
#define BALE_JS_REGEXP_H

#include <stdbool.h>
#include <stdint.h>

/* Checks a regular expression literal's pattern: pattern[0..len) is the
 * text between the slashes as written (UTF-8), flags[0..flags_len) the flags
 * after them (only u and v matter; the lexer has checked the rest).
 * Returns true if the pattern is valid.  Otherwise returns false, sets *msg
 * to a short message (static storage, no trailing period) and *offset to the
 * byte offset in pattern where the error is.  Borrows everything; can't fail
 * otherwise. */
bool js_regexp_check(const char *pattern, uint32_t len, const char *flags, uint32_t flags_len,
                     const char **msg, uint32_t *offset);

#endif
