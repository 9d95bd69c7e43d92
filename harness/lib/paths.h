/* The files of one scenario's run: its artifacts under BUILD/runs/NAME/,
 * its goldens, its disk image, and its sockets in a private temporary
 * directory (made and removed by harness/vmm/sockets.c). */
#ifndef HARNESS_LIB_PATHS_H
#define HARNESS_LIB_PATHS_H

#include <stddef.h>

/* The run's sockets, one per channel to QEMU; their file names are in
 * harness/vmm/sockets.c. A new channel is one enum entry and one name. */
enum run_socket { SOCK_QMP, SOCK_GDB, SOCK_COUNT };

#define PATHS_SOCK_MAX 108      /* sun_path size */
#define PATHS_TMPDIR_MAX 96

/* Every path member holds at most PATHS_MAX - 1 bytes; a longer one is
 * an error, never cut (paths_init). The run files of BUILD/runs/NAME/ that
 * are not members (report.txt, result.json, lspci.*) are shorter than
 * actual.serial, so they fit whenever it does. */
#define PATHS_MAX 1100

struct paths {
    char dir[PATHS_MAX], trace[PATHS_MAX], serial[PATHS_MAX], qemu_out[PATHS_MAX];
    char actual_trace[PATHS_MAX], actual_serial[PATHS_MAX];
    char golden_trace[PATHS_MAX], golden_serial[PATHS_MAX]; /* in effect: the set's override, else the base's */
    char base_trace[PATHS_MAX], base_serial[PATHS_MAX];     /* the base set's */
    char own_trace[PATHS_MAX], own_serial[PATHS_MAX];       /* the set's own (bless writes these) */
    int override_set;                                       /* the set is not the base (overrides only) */
    char image[PATHS_MAX];
    char qemu_cmd[PATHS_MAX], gdb_report[PATHS_MAX];  /* QEMU's command line; the gdb stops' report */
    char tmpdir[PATHS_TMPDIR_MAX];          /* "" until the sockets' directory is made */
    char sock[SOCK_COUNT][PATHS_SOCK_MAX];  /* indexed by enum run_socket */
};

/* Fill in every path but the sockets': artifacts under BUILD/runs/NAME,
 * goldens by golden_lookup and golden_path (EXPECTED, NAME, golden_set),
 * the image BUILD/images/NAME.img. 0, or which input makes a path too long
 * (PATHS_LONG_BUILD, PATHS_LONG_EXPECTED) with err naming that path; the
 * caller says how to shorten it. */
#define PATHS_LONG_BUILD (-1)
#define PATHS_LONG_EXPECTED (-2)
int paths_init(struct paths *p, const char *build, const char *expected, const char *scenario,
               const char *golden_set, char *err, size_t errlen);

/* "PATH: a path of LEN bytes, more than MAX" (a long PATH shown by its
 * head and tail). */
void paths_too_long(const char *path, size_t len, size_t max, char *err, size_t errlen);

#endif
