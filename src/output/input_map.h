/* output/input_map.h: the source map a module comes with (what compilers
 * and npm packages publish: a `//# sourceMappingURL=` comment naming a
 * .map file beside it, or holding the map as a base-64 data: URL), read
 * when the module is built so that the bundle's map can go on through it
 * to the original sources (TypeScript, a library's own files).
 *
 * Only version 3 maps with a mappings string (not index maps with
 * sections).  Sources are resolved against sourceRoot and the map's
 * directory to absolute paths; one that is a URL (webpack://...) is kept
 * as it is.  Memory: the module's arena. */
#ifndef BALE_OUTPUT_INPUT_MAP_H
#define BALE_OUTPUT_INPUT_MAP_H

#include "base/arena.h"
#include "output/sourcemap.h"

#include <stdbool.h>
#include <stdint.h>

typedef struct OutInputSeg {
    uint32_t gen_col;
    uint32_t source; /* index into sources, or OUT_MAP_NONE */
    uint32_t line, col;
} OutInputSeg;

typedef struct OutInputMap {
    OutMapSource *sources;   /* path absolute (or a URL as written), text from sourcesContent or NULL */
    uint32_t nsources;
    OutInputSeg *segs;       /* by generated line, then column */
    uint32_t *line_first;    /* by generated line: its first segment; nlines + 1 entries */
    uint32_t nlines;
} OutInputMap;

/* Reads the map text[0..len) names (dir: the module's directory) into
 * *out.  Returns false with *why set (a static string) when it names one
 * that cannot be read or is not a version 3 map; false with *why NULL
 * when the text names none. */
bool out_input_map_load(const char *text, uint32_t len, const char *dir, Arena *arena, OutInputMap *out,
                        const char **why);

/* Where generated (line, col) of the module comes from: the last segment
 * of that line at or before col.  False when it maps to nothing. */
bool out_input_map_find(const OutInputMap *m, uint32_t line, uint32_t col, uint32_t *source, uint32_t *src_line,
                        uint32_t *src_col);

#endif
