/* resolve/side_effects.c: compile "sideEffects" glob patterns into a small
 * NFA and match file paths against it (see side_effects.h for the
 * pattern language and why it is that one).
 * In: a pattern (when its package.json is parsed, once per build) and a
 * path (when a module is created, once per module).  Out: a program in the
 * package.json's arena; a yes or no.
 * Memory: programs in the caller's arena; compile and match use a few
 * arrays of the pattern's size, on the stack when small, else on the heap
 * (freed before returning).  Called from package_json.c and make's ADD. */
#include "resolve/side_effects.h"

#include "base/mem.h"
#include "resolve/package_json.h"

#include <string.h>

/* The instructions of a Thompson NFA.  A state is an instruction index;
 * the ones that consume a character are CHAR, ANY, STAR, STAR2_START and
 * STAR2_SEG, the others are followed without consuming (epsilon moves). */
typedef enum GlobOp {
    OP_CHAR,        /* c, then next */
    OP_ANY,         /* any character ('?'), then next */
    OP_STAR,        /* epsilon to next; a character but '/' stays here */
    OP_STAR2_START, /* a "**" segment, at the start of a segment: epsilon
                     * to k + 2 (the instruction after STAR2_SEG); '/' stays
                     * here, anything else goes to STAR2_SEG (k + 1) */
    OP_STAR2_SEG,   /* inside a segment of "**": '/' goes back to k - 1,
                     * anything else stays; at the end of the path, epsilon
                     * to k + 1 (the regexp's "[^/]*(?:/|$)") */
    OP_SPLIT,       /* epsilon to x and to y */
    OP_JMP,         /* epsilon to x */
    OP_MATCH,
} GlobOp;

typedef struct GlobInst {
    uint8_t op;     /* GlobOp */
    uint8_t c;      /* OP_CHAR */
    uint32_t x, y;  /* OP_SPLIT, OP_JMP */
} GlobInst;

struct SideEffectsGlob {
    uint32_t n;
    GlobInst insts[];
};

enum { SMALL = 256 };
enum { NONE = UINT32_MAX };

/* ---- Compiling ---------------------------------------------------------- */

/* An open "{": the SPLIT that starts its current alternative (its y is
 * patched when a ',' starts the next one) and the chain of JMPs, linked
 * through their x, that leave the earlier alternatives (patched at '}'). */
typedef struct Group {
    uint32_t split;
    uint32_t jmps;
} Group;

static uint32_t emit(SideEffectsGlob *g, GlobOp op, uint8_t c, uint32_t x, uint32_t y) {
    g->insts[g->n] = (GlobInst){(uint8_t)op, c, x, y};
    return g->n++;
}

/* partner[i] is the index of the brace matching the one at i, or NONE.
 * Braces pair as parentheses do, innermost first; a '}' with no open '{'
 * and a '{' never closed are ordinary characters. */
static void pair_braces(const char *p, size_t len, uint32_t *partner, uint32_t *stack) {
    uint32_t depth = 0;
    for (size_t i = 0; i < len; i++) {
        partner[i] = NONE;
        if (p[i] == '{') stack[depth++] = (uint32_t)i;
        else if (p[i] == '}' && depth) {
            uint32_t open = stack[--depth];
            partner[open] = (uint32_t)i;
            partner[i] = open;
        }
    }
}

const SideEffectsGlob *side_effects_glob_compile(Arena *a, const char *p, size_t len) {
    bool anywhere = memchr(p, '/', len) == NULL; /* before the "./" goes: "./a.js" is only the root's */
    while (len >= 2 && p[0] == '.' && p[1] == '/') p += 2, len -= 2;
    /* At most two instructions per pattern byte (a ',' is a JMP and a
     * SPLIT, a "**" two states), two for the implicit leading "**" and
     * one MATCH. */
    size_t cap = 2 * len + 3;
    SideEffectsGlob *g = arena_alloc(a, sizeof *g + cap * sizeof(GlobInst), _Alignof(SideEffectsGlob));
    g->n = 0;
    uint32_t small[2 * SMALL];
    Group small_groups[SMALL];
    uint32_t *partner = len <= SMALL ? small : mem_alloc(2 * len * sizeof *partner);
    uint32_t *stack = partner + (len <= SMALL ? SMALL : len);
    Group *groups = len <= SMALL ? small_groups : mem_alloc(len * sizeof *groups);
    uint32_t depth = 0;
    pair_braces(p, len, partner, stack);

    if (anywhere) { /* "*.css" is a "**" segment, then "*.css" */
        emit(g, OP_STAR2_START, 0, 0, 0);
        emit(g, OP_STAR2_SEG, 0, 0, 0);
    }
    for (size_t i = 0; i < len; i++) {
        char c = p[i];
        if (c == '{' && partner[i] != NONE) {
            uint32_t s = g->n;
            emit(g, OP_SPLIT, 0, s + 1, NONE);
            groups[depth++] = (Group){s, NONE};
        } else if (c == ',' && depth) {
            Group *gr = &groups[depth - 1];
            gr->jmps = emit(g, OP_JMP, 0, gr->jmps, 0);
            uint32_t s = g->n;
            emit(g, OP_SPLIT, 0, s + 1, NONE);
            g->insts[gr->split].y = s;
            gr->split = s;
        } else if (c == '}' && partner[i] != NONE && depth) {
            Group *gr = &groups[--depth];
            /* The last alternative needs no choice: its SPLIT becomes a jump. */
            g->insts[gr->split].op = OP_JMP;
            for (uint32_t j = gr->jmps; j != NONE;) {
                uint32_t next = g->insts[j].x;
                g->insts[j].x = g->n;
                j = next;
            }
        } else if (c == '*') {
            size_t j = i;
            while (j + 1 < len && p[j + 1] == '*') j++;
            bool whole_segment = j > i && (i == 0 || p[i - 1] == '/') && (j + 1 == len || p[j + 1] == '/');
            if (whole_segment) {
                emit(g, OP_STAR2_START, 0, 0, 0);
                emit(g, OP_STAR2_SEG, 0, 0, 0);
                if (j + 1 < len) j++; /* the '/' after it belongs to it */
            } else {
                emit(g, OP_STAR, 0, 0, 0);
            }
            i = j;
        } else if (c == '?') {
            emit(g, OP_ANY, 0, 0, 0);
        } else {
            emit(g, OP_CHAR, (uint8_t)c, 0, 0);
        }
    }
    emit(g, OP_MATCH, 0, 0, 0);
    if (partner != small) mem_free(partner);
    if (groups != small_groups) mem_free(groups);
    return g;
}

/* ---- Matching ----------------------------------------------------------- */

/* A set of states: the list in insertion order and, for membership, the
 * generation each state was last added in. */
typedef struct StateSet {
    uint32_t *states;
    uint32_t len;
} StateSet;

typedef struct Sim {
    const SideEffectsGlob *g;
    uint32_t *mark;  /* per state: the generation it joined a set in */
    uint32_t gen;
    uint32_t *stack; /* the epsilon closure's work list */
} Sim;

/* Adds state s and everything reachable from it without consuming to set,
 * once each (Sim.mark).  at_end: the path is over, so STAR2_SEG's move to
 * what follows the "**" applies too. */
static void add_closure(Sim *sim, StateSet *set, uint32_t s, bool at_end) {
    uint32_t top = 0;
    sim->stack[top++] = s;
    while (top) {
        uint32_t k = sim->stack[--top];
        if (sim->mark[k] == sim->gen) continue;
        sim->mark[k] = sim->gen;
        const GlobInst *in = &sim->g->insts[k];
        switch ((GlobOp)in->op) {
        case OP_SPLIT:
            sim->stack[top++] = in->y;
            sim->stack[top++] = in->x;
            break;
        case OP_JMP: sim->stack[top++] = in->x; break;
        case OP_STAR:
            set->states[set->len++] = k;
            sim->stack[top++] = k + 1;
            break;
        case OP_STAR2_START:
            set->states[set->len++] = k;
            sim->stack[top++] = k + 2;
            break;
        case OP_STAR2_SEG:
            set->states[set->len++] = k;
            if (at_end) sim->stack[top++] = k + 1;
            break;
        case OP_CHAR:
        case OP_ANY:
        case OP_MATCH: set->states[set->len++] = k; break;
        }
    }
}

/* Where state k goes on character c, or NONE. */
static uint32_t step(const GlobInst *in, uint32_t k, char c) {
    switch ((GlobOp)in->op) {
    case OP_CHAR: return (uint8_t)c == in->c ? k + 1 : NONE;
    case OP_ANY: return k + 1;
    case OP_STAR: return c == '/' ? NONE : k;
    case OP_STAR2_START: return c == '/' ? k : k + 1;
    case OP_STAR2_SEG: return c == '/' ? k - 1 : k;
    case OP_SPLIT:
    case OP_JMP:
    case OP_MATCH: return NONE;
    }
    return NONE;
}

bool side_effects_glob_match(const SideEffectsGlob *g, const char *rel, size_t len) {
    size_t n = g->n;
    /* mark[n], the work list (at most 2n + 1 entries: each state is
     * expanded once and pushes at most two), and two sets of n. */
    uint32_t small[5 * SMALL + 1];
    uint32_t *buf = n <= SMALL ? small : mem_alloc((5 * n + 1) * sizeof *buf);
    Sim sim = {g, buf, 0, buf + n};
    StateSet cur = {buf + 3 * n + 1, 0}, next = {buf + 4 * n + 1, 0};
    memset(sim.mark, 0xff, n * sizeof *sim.mark);
    sim.gen = 0;
    add_closure(&sim, &cur, 0, len == 0);
    for (size_t i = 0; i < len && cur.len; i++) {
        sim.gen++;
        next.len = 0;
        bool last = i + 1 == len;
        for (uint32_t j = 0; j < cur.len; j++) {
            uint32_t k = cur.states[j];
            uint32_t to = step(&g->insts[k], k, rel[i]);
            if (to != NONE) add_closure(&sim, &next, to, last);
        }
        StateSet t = cur;
        cur = next;
        next = t;
    }
    bool matched = false;
    for (uint32_t j = 0; j < cur.len && !matched; j++) matched = g->insts[cur.states[j]].op == OP_MATCH;
    if (buf != small) mem_free(buf);
    return matched;
}

/* ---- A file's answer ---------------------------------------------------- */

FileSideEffects side_effects_of(const PackageJson *pkg, const char *path, size_t len) {
    if (!pkg) return FILE_SIDE_EFFECTS_UNKNOWN;
    switch (pkg->side_effects) {
    case SIDE_EFFECTS_UNSET: return FILE_SIDE_EFFECTS_UNKNOWN;
    case SIDE_EFFECTS_TRUE: return FILE_SIDE_EFFECTS_TRUE;
    case SIDE_EFFECTS_FALSE: return FILE_SIDE_EFFECTS_FALSE;
    case SIDE_EFFECTS_LIST: break;
    }
    if (len <= pkg->dir_len + 1 || memcmp(path, pkg->dir, pkg->dir_len) != 0 ||
        (pkg->dir_len > 1 && path[pkg->dir_len] != '/'))
        return FILE_SIDE_EFFECTS_UNKNOWN; /* not inside the package: never asked */
    size_t skip = pkg->dir_len == 1 ? 1 : pkg->dir_len + 1; /* the package at "/" */
    const char *rel = path + skip;
    for (uint32_t i = 0; i < pkg->side_effect_glob_count; i++)
        if (side_effects_glob_match(pkg->side_effect_globs[i], rel, len - skip)) return FILE_SIDE_EFFECTS_TRUE;
    return FILE_SIDE_EFFECTS_FALSE;
}
