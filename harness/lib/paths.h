/* The files of one scenario's run: its artifacts under BUILD/runs/NAME/,
 * its goldens, its disk image, and its sockets in a private temporary
 * directory (made and removed by harness/vmm/sockets.c). */
#ifndef HARNESS_LIB_PATHS_H
#define HARNESS_LIB_PATHS_H

/* The run's sockets, one per channel to QEMU; their file names are in
 * harness/vmm/sockets.c. A new channel is one enum entry and one name. */
enum run_socket { SOCK_QMP, SOCK_GDB, SOCK_COUNT };

#define PATHS_SOCK_MAX 108      /* sun_path size */
#define PATHS_TMPDIR_MAX 96

struct paths {
    char dir[1024], trace[1100], serial[1100], qemu_out[1100];
    char actual_trace[1100], actual_serial[1100];
    char golden_trace[1100], golden_serial[1100];   /* in effect: the set's override, else the base's */
    char base_trace[1100], base_serial[1100];       /* the base set's */
    char own_trace[1100], own_serial[1100];         /* the set's own (bless writes these) */
    int override_set;                               /* the set is not the base (overrides only) */
    char image[1100];
    char qemu_cmd[1100], gdb_report[1100];  /* QEMU's command line; the gdb stops' report */
    char tmpdir[PATHS_TMPDIR_MAX];          /* "" until the sockets' directory is made */
    char sock[SOCK_COUNT][PATHS_SOCK_MAX];  /* indexed by enum run_socket */
};

/* Fill in every path but the sockets': artifacts under BUILD/runs/NAME,
 * goldens by golden_lookup and golden_path (EXPECTED, NAME, golden_set),
 * the image BUILD/images/NAME.img. */
void paths_init(struct paths *p, const char *build, const char *expected, const char *scenario,
                const char *golden_set);

#endif
