/* seal/hoist.c: the hoist pass, scope hoisting.
 * In:  the chunks, the link pass's bindings, the shake pass's verdicts.
 * Out: LinkModule.hoisted, top_names and default_name for the ES modules
 *      whose code joins their chunk's top-level scope, and each chunk's
 *      program (its top level in evaluation order).
 * Order: after shake, before code generation.  Off with no_tree_shaking
 *      (the flag turns off both, as esbuild's does).
 *
 * A module joins the top level (is hoisted) when nothing can run it at
 * another time than its place in its entry's static evaluation order: it
 * is an ES module an entry reaches through static imports; it is not
 * async (top-level await), has no direct eval (which could see or declare
 * its names), no import.meta outside format esm (its object is a variable
 * of the wrapper), no assignment to an import (a TypeError through the
 * getter it would bypass); nothing require()s it, import()s it or reaches
 * it through a context call (those run it lazily, or give its namespace
 * at a time of their choosing); and no module that stays a function (a
 * CommonJS module, a module that is not hoisted) imports it or reads a
 * binding of it, since that function may run first.  So "wrapped" is a
 * closure downward: a wrapped ES module's static imports are wrapped too.
 * It is one answer for the whole build, so a module several chunks hold
 * has one code for all.  A chunk whose entry is wrapped hoists nothing.
 *
 * A chunk's program is the depth-first post-order of Node's evaluation
 * from its entry (a module already being evaluated is skipped, as Node
 * skips it in a cycle): each module's static imports in source order,
 * then the modules its bindings are read from (tree shaking may have left
 * out a module between), then its own code; a wrapped module or CommonJS
 * module on the way is run there by its table function
 * (OUT_PROGRAM_REQUIRE).  In one scope, let/const/class keep their
 * temporal dead zone and function declarations are hoisted, as Node's
 * linking makes them, so a cycle of hoisted modules behaves as Node's.
 * The same walk finds those cycles (Tarjan's components).
 *
 * Names, once for all chunks: every top-level binding keeps its name
 * unless that would change what a name means; functions and classes are
 * named first (their renames cost output), then the other bindings, each
 * in program order.  A name is taken when another hoisted module's
 * binding already has it, when any module uses it as a global (a hoisted
 * `Map` would capture a free `Map`), or when the runtime uses it; a
 * renamed binding (name$1, $2...) must not be declared in a nested scope
 * of its module, and whatever name it gets must not be declared in a
 * nested scope of a module that imports it under another local name (a
 * reference there would be captured; under the same name, no reference
 * to the import can be inside such a scope).  Renaming never shows:
 * functions get their name back (module_text.c), classes become
 * `let N = class S`, anonymous functions and classes named by a
 * declaration are written `{ S: value }.S` (prepare.c's OutNameCtx).  A
 * default export's binding is "<file>_default", or, for `export default
 * x` of a binding nothing reassigns outside a cycle, x itself.
 *
 * Linear: each module, edge and binding is looked at a bounded number of
 * times; names are checked in hash maps and in each module's sorted
 * hashes of its nested scopes' names (prepare.c sorts them on the build's
 * workers; a collision only renames once more), and renames of one name
 * resume from its last suffix. */
#include "seal/seal.h"

#include "base/hash.h"
#include "base/mem.h"
#include "output/mangle.h"
#include "output/prepare.h"

#include <stdlib.h>

#include <string.h>

typedef struct Hoist {
    Seal *seal;
    Link *L;
    const ModuleGraph *g;
    uint8_t *wrapped;   /* by ModuleId */
    uint8_t *state;     /* by ModuleId: 0 unvisited, 1 on the DFS stack, 2 done */
    uint32_t *stamp;    /* by ModuleId: push_steps' */
    uint32_t *index, *low; /* by ModuleId: Tarjan's, for the cycles among hoisted modules */
    uint32_t counter;
    VecU32 scc;         /* Tarjan's stack */
    uint8_t *on_scc;
    Map taken;          /* names no hoisted binding may get (borrowed keys) */
    Map next_suffix;    /* a renamed name -> the next $N to try for it: renames that share a
                         * name cost one try each, not one per earlier one */
    Map importers;      /* module << 32 | top -> 1 + index into links: who imports the binding */
    VecU32 links;       /* (importer, its import's index, next) triples, chained from importers */
} Hoist;

static bool is_esm_js(const ModuleGraph *g, ModuleId id) {
    return graph_module_is_esm(g, id) && graph_module(g, id)->body;
}

/* Whether module id could be hoisted for what it is itself. */
static bool hoistable(const Hoist *h, ModuleId id) {
    if (!is_esm_js(h->g, id)) return false;
    const LinkModule *lm = link_module(h->L, id);
    const ModuleBody *b = graph_module(h->g, id)->body;
    if (lm->async || lm->shake == LINK_SHAKE_DROPPED || b->prep.direct_eval || b->prep.assigns_import) return false;
    if (b->record.import_meta.len && h->seal->options->format != BALE_FORMAT_ESM) return false;
    return true;
}

static void wrap(Hoist *h, VecU32 *work, ModuleId id) {
    if (!id || h->wrapped[id]) return;
    h->wrapped[id] = 1;
    VEC_PUSH(work, id);
}

/* The modules a hoisted module's code reads bindings from, by the link
 * pass's answers (module_text.c's import_vars reads the same). */
static void for_read_modules(const Hoist *h, ModuleId id, void (*fn)(void *, ModuleId), void *ctx) {
    const JsRecord *r = &graph_module(h->g, id)->body->record;
    const LinkModule *lm = link_module(h->L, id);
    for (uint32_t i = 0, n = link_binding_count(lm, r); i < n; i++) {
        ModuleId k = link_read_module(h->L, h->g, link_binding_at(lm, r, i));
        if (k && k != id) fn(ctx, k);
    }
}

typedef struct WrapCtx {
    Hoist *h;
    VecU32 *work;
} WrapCtx;

static void wrap_read(void *ctx, ModuleId k) {
    WrapCtx *w = ctx;
    wrap(w->h, w->work, k);
}

/* Wrapped: what is not hoistable, what runs lazily, and everything a
 * wrapped module imports or reads from (a closure downward). */
static void find_wrapped(Hoist *h) {
    const ModuleGraph *g = h->g;
    VecU32 work = {0};
    for (uint32_t c = 0; c < h->seal->chunks.len; c++) {
        const SealChunk *ch = &h->seal->chunks.data[c];
        for (uint32_t i = 0; i < ch->modules.len; i++) {
            ModuleId id = ch->modules.data[i];
            if (!hoistable(h, id) || !ch->entry) wrap(h, &work, id); /* (--splitting: a loaded chunk is a table) */
            const Module *m = graph_module(g, id);
            for (uint32_t j = 0; j < m->ndeps; j++) {
                const Dependency *d = graph_dep(g, m->first_dep + j);
                if (d->to && d->kind != JS_DEP_IMPORT && d->kind != JS_DEP_EXPORT_FROM) wrap(h, &work, d->to);
            }
        }
    }
    WrapCtx wc = {h, &work};
    while (work.len) {
        ModuleId id = VEC_POP(&work);
        if (!is_esm_js(g, id)) continue;
        const Module *m = graph_module(g, id);
        for (uint32_t j = 0; j < m->ndeps; j++) {
            const Dependency *d = graph_dep(g, m->first_dep + j);
            if (d->to) wrap(h, &work, d->to);
        }
        if (link_module(h->L, id)->shake == LINK_SHAKE_KEPT) for_read_modules(h, id, wrap_read, &wc);
    }
    VEC_FREE(&work);
}

/* ---- The program -------------------------------------------------------- */

typedef struct Frame {
    ModuleId id;
    uint32_t step;      /* next index into its steps */
    uint32_t first;     /* its steps: steps.data[first .. first + n) */
    uint32_t n;
} Frame;

typedef struct StepCtx {
    VecU32 *steps;
    uint32_t *stamp;    /* by ModuleId: the last module whose steps hold it */
    ModuleId of;
} StepCtx;

static void add_step(void *ctx, ModuleId k) {
    StepCtx *c = ctx;
    if (c->stamp[k] == c->of) return;
    c->stamp[k] = c->of;
    VEC_PUSH(c->steps, k);
}

/* Module id's steps: its static imports in source order (but those tree
 * shaking dropped), then the modules its bindings are read from. */
static void push_steps(Hoist *h, VecU32 *steps, ModuleId id) {
    const Module *m = graph_module(h->g, id);
    StepCtx c = {steps, h->stamp, id};
    for (uint32_t j = 0; j < m->ndeps; j++) {
        const Dependency *d = graph_dep(h->g, m->first_dep + j);
        if (!d->to || (d->kind != JS_DEP_IMPORT && d->kind != JS_DEP_EXPORT_FROM)) continue;
        if (link_module(h->L, d->to)->shake == LINK_SHAKE_DROPPED) continue;
        add_step(&c, d->to);
    }
    if (link_module(h->L, id)->shake == LINK_SHAKE_KEPT) for_read_modules(h, id, add_step, &c);
}

static void enter(Hoist *h, ModuleId k) {
    h->state[k] = 1;
    h->index[k] = h->low[k] = ++h->counter;
    VEC_PUSH(&h->scc, k);
    h->on_scc[k] = 1;
}

/* Module id is done: when it roots a strongly connected component (Tarjan),
 * the component's modules are in a cycle if there are several. */
static void leave(Hoist *h, ModuleId id) {
    if (h->low[id] != h->index[id]) return;
    uint32_t at = h->scc.len;
    while (h->scc.data[--at] != id) {
    }
    bool cycle = h->scc.len - at > 1;
    for (uint32_t i = at; i < h->scc.len; i++) {
        h->on_scc[h->scc.data[i]] = 0;
        if (cycle) h->L->modules[h->scc.data[i] - 1].hoist_cyclic = true;
    }
    h->scc.len = at;
}

static void build_program(Hoist *h, SealChunk *ch) {
    VEC(Frame) stack = {0};
    VecU32 steps = {0};
    uint8_t *required = mem_zalloc(h->g->modules.len + 1);
    enter(h, ch->entry);
    VEC_PUSH(&stack, ((Frame){ch->entry, 0, 0, 0}));
    push_steps(h, &steps, ch->entry);
    stack.data[0].n = steps.len;
    while (stack.len) {
        Frame *f = &stack.data[stack.len - 1];
        if (f->step == f->n) {
            ModuleId id = f->id;
            VEC_PUSH(&ch->program, id);
            h->L->modules[id - 1].hoisted = true;
            h->state[id] = 2;
            steps.len = f->first;
            stack.len--;
            leave(h, id);
            if (stack.len) {
                ModuleId parent = stack.data[stack.len - 1].id;
                if (h->low[id] < h->low[parent]) h->low[parent] = h->low[id];
            }
            continue;
        }
        ModuleId k = steps.data[f->first + f->step++];
        if (h->wrapped[k]) {
            if (!required[k]) VEC_PUSH(&ch->program, k | OUT_PROGRAM_REQUIRE);
            required[k] = 1;
            continue;
        }
        if (k == f->id) h->L->modules[k - 1].hoist_cyclic = true; /* it imports itself */
        if (h->state[k]) { /* done, or being evaluated: a cycle */
            if (h->on_scc[k] && h->index[k] < h->low[f->id]) h->low[f->id] = h->index[k];
            continue;
        }
        enter(h, k);
        uint32_t first = steps.len;
        push_steps(h, &steps, k);
        VEC_PUSH(&stack, ((Frame){k, 0, first, steps.len - first}));
    }
    VEC_FREE(&stack);
    VEC_FREE(&steps);
    mem_free(required);
}

/* ---- Names -------------------------------------------------------------- */

/* Globals the runtime and the chunk's own code use. */
static const char *const runtime_globals[] = {
    "Array",  "Error",      "JSON",  "Object",  "Promise",   "Reflect",   "ReferenceError", "Symbol",
    "TypeError", "arguments", "eval", "exports", "globalThis", "module",   "process",        "queueMicrotask",
    "require", "undefined", "__dirname", "__filename", "NaN", "Infinity",
};

static bool inner_has(const Hoist *h, ModuleId id, uint64_t name_hash) {
    return out_prep_declares_inner(&graph_module(h->g, id)->body->prep, name_hash);
}

/* The top-level binding (OutPrep.tops index) export `name` of hoisted
 * module k declares, or ntops for its default expression, or false. */
static bool export_top(const Hoist *h, ModuleId k, LinkNameId name, uint32_t *top) {
    const ModuleBody *b = graph_module(h->g, k)->body;
    const JsRecord *r = &b->record;
    (void)r;
    uint64_t v;
    if (!map_get_u64(&h->L->own, (uint64_t)k << 32 | name, &v)) return false;
    const JsExport *e = &b->record.exports.data[v - 1];
    if (e->kind == JS_EXPORT_DEFAULT_EXPR) {
        *top = b->prep.ntops;
        return true;
    }
    if (e->kind != JS_EXPORT_LOCAL || !e->local || e->local > b->prep.nsyms || !b->prep.sym_top[e->local]) return false;
    *top = b->prep.sym_top[e->local] - 1;
    return true;
}

/* Who imports which top-level binding of a hoisted module. */
static void note_importers(Hoist *h, ModuleId id) {
    const JsRecord *r = &graph_module(h->g, id)->body->record;
    const LinkModule *lm = link_module(h->L, id);
    for (uint32_t i = 0; i < r->imports.len; i++) {
        LinkBinding b = lm->imports[i];
        uint32_t top;
        if (b.kind != LINK_LOCAL || b.module == id || !link_module(h->L, b.module)->hoisted) continue;
        if (!export_top(h, b.module, b.name, &top)) continue;
        uint64_t key = (uint64_t)b.module << 32 | top, head = 0;
        map_get_u64(&h->importers, key, &head);
        VEC_PUSH(&h->links, id);
        VEC_PUSH(&h->links, i);
        VEC_PUSH(&h->links, (uint32_t)head);
        map_put_u64(&h->importers, key, h->links.len / 3);
    }
}

static bool name_free(Hoist *h, ModuleId id, uint32_t top, const char *s, uint32_t len, bool renamed) {
    uint64_t v, hash = hash_bytes(s, len);
    if (map_get_str(&h->taken, s, len, &v)) return false;
    if (renamed && inner_has(h, id, hash)) return false;
    uint64_t at = 0;
    map_get_u64(&h->importers, (uint64_t)id << 32 | top, &at);
    for (; at; at = h->links.data[3 * (at - 1) + 2]) {
        /* the importer's references are written s: a nested scope declaring
         * s could capture one, unless s is its own local name for it (then
         * no reference to the import is inside such a scope) */
        ModuleId m = h->links.data[3 * (at - 1)];
        const OutName *local = &graph_module(h->g, m)->body->prep.import_locals[h->links.data[3 * (at - 1) + 1]];
        if (local->len == len && !memcmp(local->str, s, len)) continue;
        if (inner_has(h, m, hash)) return false;
    }
    return true;
}

/* "<stem>_default" for a module's path: its file name up to the first
 * dot, without leading underscores, as an identifier (other characters
 * as "_"). */
static void default_stem(const char *path, VecChar *out) {
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    while (base[0] == '_' && base[1] && base[1] != '.') base++; /* _root.js: root_default, as esbuild */
    VEC_CLEAR(out);
    if (*base >= '0' && *base <= '9') VEC_PUSH(out, '_');
    for (const char *c = base; *c && *c != '.'; c++) {
        bool word = (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') || *c == '$';
        VEC_PUSH(out, word ? *c : '_');
    }
    out_puts(out, "_default");
}

/* A binding whose rename costs output: a function (its name is set back)
 * or a class (let N = class S). */
static bool costly(const OutTop *t) { return t->kind == JS_SYM_FUNCTION || t->kind == JS_SYM_CLASS; }

/* Names the module's costly bindings (costly_pass) or the others. */
static void name_tops(Hoist *h, ModuleId id, bool costly_pass) {
    Arena *a = &h->L->arena;
    const OutPrep *p = &graph_module(h->g, id)->body->prep;
    LinkModule *lm = &h->L->modules[id - 1];
    if (!lm->top_names) lm->top_names = ARENA_ZARRAY(a, const char *, p->ntops + 1);
    VecChar t = {0}, stem = {0};
    for (uint32_t i = 0; i <= p->ntops; i++) {
        OutTop dflt;
        if (i == p->ntops) { /* the default export's binding: "<file>_default", as esbuild names it */
            if (costly_pass) break;
            if (p->default_alias && !lm->hoist_cyclic) { /* or x itself, for export default x */
                lm->default_name = lm->top_names[p->default_alias - 1];
                lm->default_aliased = true;
                break;
            }
            default_stem(graph_module(h->g, id)->body->file.path, &stem);
            dflt = (OutTop){stem.data, stem.len, JS_SYM_CONST, 0, 1};
        }
        const OutTop *top = i == p->ntops ? &dflt : &p->tops[i];
        if (costly(top) != costly_pass) continue;
        const char *name = NULL;
        /* the default's binding is no name of the source: nothing in its
         * module refers to it but the bundle's own lines */
        bool made = i == p->ntops;
        if (name_free(h, id, i, top->name, top->len, false)) {
            name = arena_strndup(a, top->name, top->len);
        } else {
            bool fresh;
            MapSlot *next = map_entry_str(&h->next_suffix, top->name, top->len, 0, 1, &fresh);
            /* the key must outlive the map (a default's name is a scratch stem) */
            if (fresh) next->key = (uint64_t)(uintptr_t)arena_strndup(a, top->name, top->len);
            uint64_t k = next->value;
            for (; !name; k++) {
                VEC_CLEAR(&t);
                out_append(&t, top->name, top->len);
                VEC_PUSH(&t, '$');
                out_u32(&t, (uint32_t)k);
                if (name_free(h, id, i, t.data, t.len, !made)) name = arena_strndup(a, t.data, t.len);
            }
            map_put_str(&h->next_suffix, top->name, top->len, k); /* (overwrites: keeps the key) */
        }
        if (i == p->ntops) lm->default_name = name;
        else lm->top_names[i] = name;
        map_put_str(&h->taken, name, strlen(name), 1);
    }
    VEC_FREE(&t);
    VEC_FREE(&stem);
}

/* ---- Short names (--minify-identifiers) ---------------------------------- */

typedef struct TopUse {
    ModuleId id;
    uint32_t top; /* OutPrep.tops index, or ntops: the default's binding */
    uint32_t uses, order;
    bool costly; /* its rename shows and is undone (module_text.c): a function, a class, a
                  * binding an anonymous function or class takes its name from */
} TopUse;

static int by_uses(const void *pa, const void *pb) {
    const TopUse *a = pa, *b = pb;
    if (a->uses != b->uses) return a->uses > b->uses ? -1 : 1;
    return a->order < b->order ? -1 : a->order > b->order;
}

static bool has_default_expr(const JsRecord *r) {
    for (uint32_t i = 0; i < r->exports.len; i++)
        if (r->exports.data[i].kind == JS_EXPORT_DEFAULT_EXPR) return true;
    return false;
}

/* The first short-name index from k on that is still open (see
 * name_tops_short's up), with path halving. */
static void open_up_to(VecU32 *up, uint32_t k) {
    while (up->len <= k) {
        uint32_t i = up->len;
        VEC_PUSH(up, i); /* open */
    }
}

static uint32_t open_name(VecU32 *up, uint32_t k) {
    open_up_to(up, k + 1);
    while (up->data[k] != k) {
        uint32_t n = up->data[k];
        open_up_to(up, n + 1);
        up->data[k] = up->data[n];
        k = n;
    }
    return k;
}

/* Every top-level binding of the hoisted modules gets the next free short
 * name (output/mangle.h's sequence), the most used first; a function or
 * class whose name is set back (module_text.c) keeps its own when the
 * short one would not pay for that.  A name refused only where one
 * module is (a nested scope of it declares it) stays for the others. */
static void name_tops_short(Hoist *h, const VecU32 *hoisted) {
    Arena *a = &h->L->arena;
    VEC(TopUse) all = {0};
    for (uint32_t i = 0; i < hoisted->len; i++) {
        ModuleId id = hoisted->data[i];
        const ModuleBody *b = graph_module(h->g, id)->body;
        LinkModule *lm = &h->L->modules[id - 1];
        lm->top_names = ARENA_ZARRAY(a, const char *, b->prep.ntops + 1);
        uint32_t first = all.len;
        for (uint32_t t = 0; t < b->prep.ntops; t++)
            VEC_PUSH(&all, ((TopUse){id, t, b->prep.tops[t].uses, all.len, costly(&b->prep.tops[t])}));
        for (uint32_t e = 0; e < b->prep.nedits; e++) {
            const OutEdit *ed = &b->prep.edits[e];
            if (ed->hole == OUT_HOLE_NAME && ed->ctx == OUT_NAME_VALUE_OPEN && ed->arg < b->prep.ntops)
                all.data[first + ed->arg].costly = true;
        }
        if (b->prep.default_alias && !lm->hoist_cyclic) continue; /* export default x: x's name */
        if (has_default_expr(&b->record)) VEC_PUSH(&all, ((TopUse){id, b->prep.ntops, 2, all.len, false}));
        else lm->default_name = "__bale_default__"; /* (never written) */
    }
    /* a binding's uses are also its importers' (their references are written with its name) */
    uint32_t *first = mem_zalloc(sizeof(uint32_t) * (h->g->modules.len + 1));
    for (uint32_t i = 0; i < all.len; i++)
        if (!first[all.data[i].id]) first[all.data[i].id] = i + 1;
    for (uint32_t i = 0; i < hoisted->len; i++) {
        ModuleId id = hoisted->data[i];
        const ModuleBody *b = graph_module(h->g, id)->body;
        const LinkModule *lm = link_module(h->L, id);
        for (uint32_t k = 0; k < b->record.imports.len; k++) {
            LinkBinding lb = lm->imports[k];
            uint32_t top;
            if (lb.kind != LINK_LOCAL || lb.module == id || !first[lb.module] || !b->prep.import_uses) continue;
            if (!export_top(h, lb.module, lb.name, &top) || top >= graph_module(h->g, lb.module)->body->prep.ntops) continue;
            all.data[first[lb.module] - 1 + top].uses += b->prep.import_uses[k];
        }
    }
    mem_free(first);
    if (all.len) qsort(all.data, all.len, sizeof *all.data, by_uses);
    /* the short names no binding may take any more (taken, reserved, a
     * global), skipped in one step each: up[k] leads to a later index, up
     * to the first one still open (a disjoint-set forest, so that a name one
     * module must refuse does not make every later binding walk past all
     * the names taken after it) */
    VecU32 up = {0};
    for (uint32_t i = 0; i < all.len; i++) {
        const TopUse *u = &all.data[i];
        const OutPrep *p = &graph_module(h->g, u->id)->body->prep;
        LinkModule *lm = &h->L->modules[u->id - 1];
        const char *name = NULL;
        if (u->top < p->ntops) {
            const OutTop *t = &p->tops[u->top];
            /* a rename costs about the name once more, and saves per use */
            bool pays = !u->costly || (uint64_t)u->uses * (t->len > 2 ? t->len - 2 : 0) > t->len + 6;
            if ((!pays || t->len <= 1) && name_free(h, u->id, u->top, t->name, t->len, false))
                name = arena_strndup(a, t->name, t->len);
        }
        for (uint32_t k = open_name(&up, 0); !name; k = open_name(&up, k + 1)) {
            char buf[9];
            uint32_t len = out_short_name(k, buf);
            uint64_t v;
            if (out_name_reserved(buf, len) || map_get_str(&h->taken, buf, len, &v)) {
                up.data[k] = k + 1; /* closed for every binding */
                continue;
            }
            if (!name_free(h, u->id, u->top, buf, len, true)) continue; /* closed for this one */
            name = arena_strndup(a, buf, len);
            up.data[k] = k + 1;
        }
        if (u->top < p->ntops) lm->top_names[u->top] = name;
        else lm->default_name = name;
        map_put_str(&h->taken, name, strlen(name), 1);
    }
    for (uint32_t i = 0; i < hoisted->len; i++) {
        ModuleId id = hoisted->data[i];
        const OutPrep *p = &graph_module(h->g, id)->body->prep;
        LinkModule *lm = &h->L->modules[id - 1];
        if (p->default_alias && !lm->hoist_cyclic) {
            lm->default_name = lm->top_names[p->default_alias - 1];
            lm->default_aliased = true;
        }
    }
    VEC_FREE(&all);
    VEC_FREE(&up);
}

void seal_hoist(Seal *seal) {
    if (seal->options->no_tree_shaking) return;
    const ModuleGraph *g = seal->graph;
    uint32_t n = g->modules.len;
    Hoist h = {.seal = seal, .L = &seal->link, .g = g, .wrapped = mem_zalloc(n + 1), .state = mem_zalloc(n + 1),
               .stamp = mem_zalloc(sizeof(uint32_t) * (n + 1)), .index = mem_zalloc(sizeof(uint32_t) * (n + 1)),
               .low = mem_zalloc(sizeof(uint32_t) * (n + 1)), .on_scc = mem_zalloc(n + 1)};
    /* wrapped is one answer for the build: a module two chunks hold is
     * hoisted in both or in neither, so its code serves both */
    find_wrapped(&h);
    VecU32 hoisted = {0}; /* every hoisted module once, in the order the programs first run it */
    uint8_t *seen = mem_zalloc(n + 1), *imported = mem_zalloc(n + 1), *entry = mem_zalloc(n + 1);
    for (uint32_t c = 0; c < seal->chunks.len; c++) {
        SealChunk *ch = &seal->chunks.data[c];
        entry[ch->entry] = 1;
        for (uint32_t i = 0; i < ch->modules.len; i++) {
            const Module *m = graph_module(g, ch->modules.data[i]);
            for (uint32_t j = 0; j < m->ndeps; j++) imported[graph_dep(g, m->first_dep + j)->to] = 1;
        }
        if (!ch->entry || h.wrapped[ch->entry]) continue; /* (a loaded chunk of --splitting: a table) */
        build_program(&h, ch);
        for (uint32_t i = 0; i < ch->modules.len; i++) h.state[ch->modules.data[i]] = 0; /* the next chunk's walk */
        for (uint32_t i = 0; i < ch->program.len; i++) {
            ModuleId id = ch->program.data[i];
            if (id & OUT_PROGRAM_REQUIRE || seen[id]) continue;
            seen[id] = 1;
            VEC_PUSH(&hoisted, id);
        }
    }
    if (hoisted.len) {
        /* which namespace objects are built: those observed, but an esm
         * bundle's entry's that no module imports (its exports are the
         * bundle's export list) */
        for (uint32_t i = 0; i < hoisted.len; i++) {
            ModuleId id = hoisted.data[i];
            LinkModule *lm = &h.L->modules[id - 1];
            lm->hoist_ns = lm->ns_needed && !(entry[id] && seal->options->format == BALE_FORMAT_ESM && !imported[id]);
        }
        /* the names no hoisted binding may take */
        for (size_t i = 0; i < sizeof runtime_globals / sizeof *runtime_globals; i++)
            map_put_str(&h.taken, runtime_globals[i], strlen(runtime_globals[i]), 1);
        for (uint32_t c = 0; c < seal->chunks.len; c++)
            for (uint32_t i = 0; i < seal->chunks.data[c].modules.len; i++) {
                const Module *m = graph_module(g, seal->chunks.data[c].modules.data[i]);
                if (m->kind != MODULE_JS || !m->body) continue;
                const OutPrep *p = &m->body->prep;
                for (uint32_t k = 0; k < p->nfree; k++) map_put_str(&h.taken, p->free_names[k].str, p->free_names[k].len, 1);
            }
        for (uint32_t i = 0; i < hoisted.len; i++) note_importers(&h, hoisted.data[i]);
        /* functions and classes first, in program order: where two bindings
         * want one name, the one whose rename costs nothing gives way (one
         * set of names for all chunks: a module's code serves each) */
        if (seal->options->minify_identifiers) name_tops_short(&h, &hoisted);
        else
            for (int pass = 0; pass < 2; pass++)
                for (uint32_t i = 0; i < hoisted.len; i++) name_tops(&h, hoisted.data[i], pass == 0);
    }
    VEC_FREE(&hoisted);
    mem_free(seen);
    mem_free(imported);
    mem_free(entry);
    map_free(&h.taken);
    map_free(&h.next_suffix);
    map_free(&h.importers);
    VEC_FREE(&h.links);
    mem_free(h.wrapped);
    mem_free(h.state);
    mem_free(h.stamp);
    mem_free(h.index);
    mem_free(h.low);
    mem_free(h.on_scc);
    VEC_FREE(&h.scc);
}
