/* SPDX-License-Identifier: MIT */
/*
 * ui-scan: the rescan, in a thread of its own, while the screen stays
 * live.
 *
 * The screen shows the collection as it is first; then the scan runs in a
 * background thread on a database connection of its own (the function
 * the caller gives opens it), and the UI thread reads its progress at any
 * time from relaxed atomics. The scan's warnings are queued under a mutex
 * for the UI thread to show. When the scan ends the thread calls the
 * wake-up function given (ui_wake), so the event loop notices at once.
 */
#ifndef NR_UI_SCAN_H
#define NR_UI_SCAN_H

#include <stdbool.h>
#include <stddef.h>

#include "report.h"
#include "scan.h"

struct buf;
struct strvec;

/*
 * Run a scan to its end on a connection of the function's own, reporting
 * warnings to rep and counts to progress. Returns scan_run()'s value (-1
 * with err set on a database error). Called in the scan thread.
 */
typedef int ui_scan_fn(void *ctx, const struct reporter *rep,
    struct scan_progress *progress, struct scan_stats *stats,
    struct error *err);

/* At most this many warnings are kept; the rest are only counted. */
#define UI_SCAN_MAX_WARNINGS 50

struct ui_scan;

/*
 * Start fn(ctx, ...) in a new thread; wake(wake_ctx) is called from that
 * thread when it has finished. Returns NULL with err set when no thread
 * can be started.
 */
struct ui_scan *ui_scan_start(ui_scan_fn *fn, void *ctx,
    void (*wake)(void *wake_ctx), void *wake_ctx, struct error *err);

/* True once the scan has finished (ui_scan_finish() will not wait). */
bool ui_scan_done(const struct ui_scan *s);

/* Append the progress as the status line shows it: "扫描 12,345/100,000". */
void ui_scan_progress(const struct ui_scan *s, struct buf *out);

/* Files parsed and stored so far: it grows as the collection does. */
size_t ui_scan_parsed(const struct ui_scan *s);

/*
 * Move the warnings queued so far (formatted as report_format() does)
 * onto out; returns how many more there were than were kept.
 */
size_t ui_scan_take_warnings(struct ui_scan *s, struct strvec *out);

/*
 * Wait for the thread and collect its result: the stats, and when the
 * scan failed, the error (moved into err). Returns scan_run()'s value.
 * Then free s with ui_scan_free().
 */
int ui_scan_finish(struct ui_scan *s, struct scan_stats *stats,
    struct error *err);

/* Ask a running scan to stop, wait for it, and free s. NULL is allowed. */
void ui_scan_free(struct ui_scan *s);

#endif
