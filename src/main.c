/*
 * main.c - the tsaudit programme: libtsaudit's command line (tsa_main).
 */
#include "api/tsaudit.h"

#include <malloc.h>

int main(int argc, char **argv)
{
    /* Device arenas come and go in blocks of up to 1 MiB. A fixed mmap
     * threshold keeps those blocks mapped and unmapped with their device
     * instead of letting glibc raise the threshold and keep freed memory in
     * per-thread heaps, so memory stays flat over an estate. Up to 4 MiB
     * freed at the top of a heap stays mapped: trimming it after every
     * device and faulting it back for the next was most of the page faults
     * of a scan (190k -> 44k on 10,000 devices). */
    mallopt(M_MMAP_THRESHOLD, 256 * 1024);
    mallopt(M_TRIM_THRESHOLD, 4 * 1024 * 1024);
    mallopt(M_ARENA_MAX, 4);
    return tsa_main(argc, argv);
}
