/* The floor: how fast can the period data be read at all? Reads each CSV in 1 MB blocks, finds the
 * third field (`value`) of every line, parses it with strtod and sums it. No quoting, no validation, no
 * evaluation: a lower bound for pmrun, which does all of those.
 *
 *     cc -O2 -o floor bench/floor.c && ./floor data/*.csv
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
    static char buf[(1 << 20) + 4096];
    double sum = 0;
    long rows = 0;
    for (int f = 1; f < argc; f++) {
        FILE *in = fopen(argv[f], "rb");
        if (!in) { perror(argv[f]); return 2; }
        size_t carry = 0, n;
        int header = 1;
        while ((n = fread(buf + carry, 1, (1 << 20), in)) > 0 || carry > 0) {
            size_t len = carry + n;
            size_t start = 0;
            int eof = n == 0;
            for (;;) {
                char *nl = memchr(buf + start, '\n', len - start);
                if (!nl && !eof) break;
                size_t end = nl ? (size_t)(nl - buf) : len;
                if (end == start && !nl) { start = len; break; }
                if (header) { header = 0; }
                else {
                    char *p = buf + start, *e = buf + end;
                    int field = 0;
                    while (p < e && field < 2) { if (*p == ',') field++; p++; }
                    if (field == 2) {
                        char save = *e; *e = 0;
                        sum += strtod(p, NULL);
                        *e = save;
                    }
                    rows++;
                }
                start = end + 1;
                if (!nl) break;
            }
            carry = start < len ? len - start : 0;
            memmove(buf, buf + len - carry, carry);
            if (eof) break;
        }
        fclose(in);
    }
    printf("%ld rows, sum of values %.2f\n", rows, sum);
    return 0;
}
