/* libFuzzer target: the scenario file parser (harness/lib/scenario.c, which
 * also runs the keys and disk parsers) on any bytes.
 *
 * Properties, checked with abort(): an error names the file ("fuzz.cfg:");
 * every parsed scenario has a name and an append line; parsing the same text
 * again into the same set fails, naming the duplicate (when it had one). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "harness/lib/scenario.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct scenario_set set = { 0 };
    char err[512] = "";
    int rc = scenario_parse((const char *)data, size, "fuzz.cfg", &set, err, sizeof(err));
    if (rc < 0 && strncmp(err, "fuzz.cfg:", 9))
        abort();
    if (rc == 0) {
        for (int i = 0; i < set.n; i++)
            if (!set.v[i].name || !set.v[i].append || set.v[i].timeout < 1)
                abort();
        if (set.n > 0) {
            int n = set.n;
            if (scenario_parse((const char *)data, size, "again.cfg", &set, err, sizeof(err)) == 0 ||
                !strstr(err, "first defined at fuzz.cfg:") || set.n != n)
                abort();
        }
    }
    scenario_set_free(&set);
    return 0;
}
