/*
 * extract_edge.h - internal to the model layer: family hooks for the
 * interface filters the anti-spoofing and core-protection checks read.
 */
#ifndef TSAUDIT_EXTRACT_EDGE_H
#define TSAUDIT_EXTRACT_EDGE_H

#include "model/extract.h"

/* SR OS "configure filter ip-filter|ipv6-filter ..." statements (i: the
 * index of "filter" in the path), gathered into *st and turned into ACLs
 * named after the filter by sfilt_finish(). */
struct sfilt;
void sfilt_line(struct arena *a, struct sfilt **st, const struct model_path *l, size_t i);
void sfilt_finish(struct arena *a, struct device_model *m, struct sfilt *st);

#endif
