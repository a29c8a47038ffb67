/* seal/emit.c: the emit pass.  Writes every chunk, all or nothing, through
 * base/outfile.h: first every output is planned (what is there: a new
 * file, a file to replace, a device), and an output that is one of the
 * build's input files (same device and inode, whatever path or link leads
 * to it) is an error unless options.allow_overwrite; so are two outputs
 * that lead to the same file.  Then every file is written to a temporary
 * and all are renamed into place, so an error leaves every old output as
 * it was.  A chunk without a path is not written here: its bytes stay in
 * the chunk, and the caller writes them (the CLI, on standard output).
 * Nothing is written when any error was reported before.
 * In:  Seal.chunks with their bytes, the graph (the inputs' identities).
 * Out: files; Seal.outputs, io_error.  Order: the last pass. */
#include "seal/seal.h"

#include "base/mem.h"
#include "base/outfile.h"

#include <stdlib.h>
#include <string.h>

typedef struct Identity {
    uint64_t dev, ino;
    ModuleId module;
} Identity;

static int by_identity(const void *pa, const void *pb) {
    const Identity *a = pa, *b = pb;
    if (a->dev != b->dev) return a->dev < b->dev ? -1 : 1;
    if (a->ino != b->ino) return a->ino < b->ino ? -1 : 1;
    return (a->module > b->module) - (a->module < b->module);
}

/* Every input file's identity, sorted (n log n, once per build). */
static Identity *input_identities(const ModuleGraph *g, uint32_t *count) {
    Identity *ids = mem_alloc(sizeof(Identity) * (g->modules.len + 1));
    uint32_t n = 0;
    for (ModuleId id = 1; id <= g->modules.len; id++) {
        const ModuleBody *b = graph_module(g, id)->body;
        if (b && b->file.text) ids[n++] = (Identity){b->dev, b->ino, id};
    }
    qsort(ids, n, sizeof *ids, by_identity);
    *count = n;
    return ids;
}

static const Identity *find_input(const Identity *ids, uint32_t n, uint64_t dev, uint64_t ino) {
    Identity key = {dev, ino, 0};
    uint32_t lo = 0, hi = n;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (by_identity(&ids[mid], &key) < 0) lo = mid + 1;
        else hi = mid;
    }
    return lo < n && ids[lo].dev == dev && ids[lo].ino == ino ? &ids[lo] : NULL;
}

/* path as diagnostics show it: relative to the working directory when
 * inside it, else absolute. */
static const char *shown(Seal *seal, const char *path) {
    const char *rel = graph_display_path(&seal->arena, seal->cwd, path);
    return strncmp(rel, "../", 3) ? rel : path;
}

static void write_error(Seal *seal, const OutFileError *err, const char *output) {
    const char *why = fs_status_str(err->status, err->errno_value);
    if (strcmp(err->path, output))
        diag_add(seal->diags, DIAG_ERROR, DIAG_IO, NULL, 0, 0, "cannot write %s: %s: %s", shown(seal, output),
                 shown(seal, err->path), why);
    else
        diag_add(seal->diags, DIAG_ERROR, DIAG_IO, NULL, 0, 0, "cannot write %s: %s", shown(seal, output), why);
    seal->io_error = true;
}

/* Errors for outputs that are inputs, or the same file twice. */
static void check_targets(Seal *seal, const OutFileSet *set) {
    const ModuleGraph *g = seal->graph;
    uint32_t n = 0;
    Identity *inputs = seal->options->allow_overwrite ? NULL : input_identities(g, &n);
    Map seen = {0};
    for (uint32_t i = 0; i < set->files.len; i++) {
        const OutFile *f = &set->files.data[i];
        if (!map_put_str(&seen, f->target, strlen(f->target), i))
            diag_add(seal->diags, DIAG_ERROR, DIAG_CONFIG, NULL, 0, 0,
                     "two outputs would be written to the same file %s", shown(seal, f->target));
        const Identity *in = f->exists && inputs ? find_input(inputs, n, f->dev, f->ino) : NULL;
        if (!in) continue;
        const Module *m = graph_module(g, in->module);
        diag_add(seal->diags, DIAG_ERROR, DIAG_OVERWRITE, NULL, 0, 0,
                 "refusing to overwrite the input file %s with the output %s (--allow-overwrite allows it)",
                 m->body->file.path, shown(seal, f->path));
    }
    map_free(&seen);
    mem_free(inputs);
}

void seal_emit(Seal *seal) {
    if (seal->diags->errors) return;
    OutFileSet set = {0};
    OutFileError err;
    for (uint32_t c = 0; c < seal->chunks.len; c++) {
        const SealChunk *ch = &seal->chunks.data[c];
        if (ch->out_path && !outfile_plan(&set, ch->out_path, ch->bytes.data ? ch->bytes.data : "", ch->bytes.len, &err))
            write_error(seal, &err, ch->out_path);
        bool planned = !ch->map_path ||
                       (ch->map_parts.len ? outfile_plan_parts(&set, ch->map_path, ch->map_parts.data, ch->map_parts.len, &err)
                                          : outfile_plan(&set, ch->map_path, ch->map.data ? ch->map.data : "", ch->map.len, &err));
        if (!planned) write_error(seal, &err, ch->map_path);
        if (ch->legal_path && !outfile_plan(&set, ch->legal_path, ch->legal.data, ch->legal.len, &err))
            write_error(seal, &err, ch->legal_path);
    }
    if (!seal->diags->errors) check_targets(seal, &set);
    if (!seal->diags->errors) {
        if (outfile_commit(&set, &err)) seal->outputs += set.files.len;
        else write_error(seal, &err, err.path);
    }
    outfile_free(&set);
}
