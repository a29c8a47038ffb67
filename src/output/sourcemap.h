/* output/sourcemap.h: source maps (version 3) of bale's bundles.
 *
 * A bundle is its modules' source bytes with edits (edits.h), so a map
 * is known exactly: code generation notes where each copied run and each
 * edit's text came from (OutSpan), and out_map_segments turns that into
 * segments, per module and in parallel: one at the start of every copy
 * and edit, at each line a copy crosses, and at each identifier a copy
 * holds (so that every name and every token a stack trace can point at
 * maps back).  The chunk's map then places each module's segments where
 * render put its code (OutPlace) and writes the JSON: sources relative to
 * the map's directory, their contents, and the mappings as base-64 VLQ.
 * Lines end at \n, \r\n, \r, U+2028 and U+2029; columns count UTF-16 code
 * units, as the format says.
 *
 * Memory: heap vectors owned by the caller. */
#ifndef BALE_OUTPUT_SOURCEMAP_H
#define BALE_OUTPUT_SOURCEMAP_H

#include "base/map.h"
#include "base/outfile.h"
#include "base/vec.h"
#include "output/edits.h"

#include <stdbool.h>
#include <stdint.h>

/* A mapping: generated (line, column), relative to the start of a module's
 * code, to (line, column) of a source: the module's own (source 0), or, when
 * the module came with a map of its own (input_map.h), source k + 1 of that
 * one, or none (OUT_MAP_NONE); 0-based. */
#define OUT_MAP_NONE 0xFFFFFFFFu /* a segment that maps to no source */

typedef struct OutMapSeg {
    uint32_t gen_line, gen_col, src_line, src_col;
    uint32_t source;
    bool copy;     /* the bytes from here are the source's own (not an edit's text) */
    uint32_t name; /* an identifier the output renamed starts here: 1 + the index of its
                    * source name in the module's names (OutMapNames); 0: none */
} OutMapSeg;
typedef VEC(OutMapSeg) OutMapSegs;

/* The names a module's segments give, each once (so that the map pass
 * looks each up once a module, not once a segment): NUL-ended strings in
 * text, the i-th at at[i]. */
typedef struct OutMapNames {
    VecChar text;
    VecU32 at;
    Map seen; /* hash of a name -> 1 + its index (a name whose hash another has is added again) */
} OutMapNames;
/* 1 + the index of s[0..len) in names, added when new. */
uint32_t out_map_name(OutMapNames *names, const char *s, uint32_t len);
static inline const char *out_map_name_str(const OutMapNames *names, uint32_t name) {
    return names->text.data + names->at.data[name - 1];
}
void out_map_names_free(OutMapNames *names);

/* The segments of text[0..text_len), which spans (in output order) say
 * came from src[0..src_len); appended to segs.  Without fine, a copy gets
 * a segment only where each of its lines starts (what the minifier's
 * reprint needs: it maps each token by its column within the copy).  An
 * edit that writes another name in place of an identifier (scope
 * hoisting's renames, an import read through its module) gets the
 * source's name, appended to names. */
void out_map_segments(const char *text, uint32_t text_len, const char *src, uint32_t src_len, const OutSpan *spans,
                      uint32_t nspans, bool fine, OutMapSegs *segs, OutMapNames *names);

/* The segments of out[0..out_len), printed from from[0..from_len) whose
 * segments are from_segs[0..nfrom) (the minifier's reprint of a module's
 * code): marks are nmarks (offset in out, offset in from + shift) pairs in
 * increasing output order, the second with OUT_MARK_RENAMED where the
 * printer renamed an identifier; each maps to what its place in from maps
 * to, and a renamed one keeps its name (appended to names, which from's
 * segments' names index too).  Appended to segs. */
#define OUT_MARK_RENAMED 0x80000000u
void out_map_reprint(const char *out, uint32_t out_len, const char *from, uint32_t from_len, const uint32_t *marks,
                     uint32_t nmarks, uint32_t shift, const OutMapSeg *from_segs, uint32_t nfrom, OutMapSegs *segs,
                     OutMapNames *names);

/* Where a module's code landed in a chunk: at byte offset, len bytes, the
 * segments segs[0..nsegs) of module `source`; source_of[seg.source] is the
 * index in the map's sources of each source the segments name (the caller
 * fills it; each source once in the map).  What follows the code maps to
 * nothing (a segment of one field ends it). */
typedef struct OutPlace {
    uint32_t offset, len;
    uint32_t source;
    const uint32_t *source_of;
    const OutMapSeg *segs;
    uint32_t nsegs;
    const uint32_t *names; /* by the module's name (OutMapSeg.name - 1): 1 + its index in the map's
                            * names; NULL: none */
    uint32_t name_before;  /* the index of the last name the segments before the place name */
} OutPlace;
typedef VEC(OutPlace) OutPlaces;

/* One source of a map: its path as the map names it, and its text
 * (NULL: no sourcesContent entry). */
typedef struct OutMapSource {
    const char *path;
    const char *text;
    uint32_t len;
} OutMapSource;

/* Writes the map of chunk[0..chunk_len) as JSON to map: file is the
 * output's name, sources[0..nsources) what places refer to, places in
 * increasing offset order.  One thread; the pieces below let a caller
 * run the per-place work on several. */
void out_sourcemap_json(const char *chunk, uint32_t chunk_len, const char *file, const OutMapSource *sources,
                        uint32_t nsources, const OutPlace *places, uint32_t nplaces, VecChar *map);

/* s[0..len) as a JSON string, appended to out. */
void out_json_string(VecChar *out, const char *s, uint32_t len);

/* Where each place's code starts and ends in the chunk (line, UTF-16
 * column): one scan of it. */
typedef struct OutPlacePos {
    uint32_t line, col, end_line, end_col;
} OutPlacePos;
void out_sourcemap_positions(const char *chunk, uint32_t chunk_len, const OutPlace *places, uint32_t n,
                             OutPlacePos *pos);

/* A place's mappings encoded on their own (VLQ fields are relative to
 * the segment before, so each place's first segment with a source, and
 * the ones without before it, the head, are written by the join, which
 * knows what came before): text is the rest, line..src_col the state
 * after it. */
typedef struct OutPlaceCode {
    uint32_t head;
    bool has_src;
    VecChar text;
    uint32_t line, col, source, src_line, src_col, name;
} OutPlaceCode;
void out_sourcemap_encode_place(const OutPlace *pl, const OutPlacePos *pos, OutPlaceCode *code);

/* The JSON from the encoded places; *contents[i] (contents may be NULL:
 * escaped here) source i's text as a JSON string (out_sourcemap_content); names
 * (may be NULL) the names array's JSON strings, comma-separated.  With
 * parts (not NULL, and contents given), the contents and the places' texts
 * are not copied: map holds what lies between them, and parts the whole
 * map as runs (into map, contents and codes, which must then outlive it). */
void out_sourcemap_join(const char *file, const OutMapSource *sources, uint32_t nsources, const VecChar *const *contents,
                        const VecChar *names, const OutPlace *places, const OutPlacePos *pos, const OutPlaceCode *codes,
                        uint32_t nplaces, VecChar *map, OutFileParts *parts);
void out_sourcemap_content(const OutMapSource *s, VecChar *out);

/* Appends the base 64 of data[0..len) (RFC 4648, padded) to out. */
void out_base64(VecChar *out, const char *data, uint32_t len);

#endif
