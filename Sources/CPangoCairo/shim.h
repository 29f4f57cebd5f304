// Pango (text layout, HarfBuzz shaping, fontconfig fonts) drawn by cairo into PDF pages.
#ifndef KONTAKT_CPANGOCAIRO_SHIM_H
#define KONTAKT_CPANGOCAIRO_SHIM_H

#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

/// PANGO_SCALE is a macro Swift does not import as a constant.
static inline int kontakt_pango_scale(void) { return PANGO_SCALE; }

#endif
