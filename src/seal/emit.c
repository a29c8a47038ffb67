/* seal/emit.c: the emit pass.  Writes every chunk: to its file through
 * fs_write_atomic (a temporary file renamed over the target, so a failed
 * write leaves the old file), or to standard output.  Nothing is written
 * when any error was reported, so a failed build changes no file.
 * In:  Seal.chunks with their bytes.  Out: files; Seal.outputs, io_error.
 * Order: the last pass. */
#include "seal/seal.h"

#include "base/fs.h"

#include <errno.h>
#include <stdio.h>

void seal_emit(Seal *seal) {
    if (seal->diags->errors) return;
    for (uint32_t c = 0; c < seal->chunks.len; c++) {
        const SealChunk *ch = &seal->chunks.data[c];
        if (!ch->out_path) {
            if (ch->bytes.len && fwrite(ch->bytes.data, 1, ch->bytes.len, stdout) != ch->bytes.len) {
                diag_add(seal->diags, DIAG_ERROR, DIAG_IO, NULL, 0, 0, "cannot write the bundle to standard output");
                seal->io_error = true;
            }
            fflush(stdout);
            continue;
        }
        FsStatus st = fs_write_atomic(ch->out_path, ch->bytes.data ? ch->bytes.data : "", ch->bytes.len);
        if (st != FS_OK) {
            diag_add(seal->diags, DIAG_ERROR, DIAG_IO, NULL, 0, 0, "cannot write %s: %s", ch->out_path,
                     fs_status_str(st, errno));
            seal->io_error = true;
            continue;
        }
        seal->outputs++;
    }
}
