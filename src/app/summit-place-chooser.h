/* summit-place-chooser.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef enum
{
  SUMMIT_PLACE_COUNTRY,
  SUMMIT_PLACE_ZONE,
} SummitPlaceKind;

#define SUMMIT_TYPE_PLACE_KIND (summit_place_kind_get_type ())
GType summit_place_kind_get_type (void);

#define SUMMIT_TYPE_PLACE_CHOOSER (summit_place_chooser_get_type ())
G_DECLARE_FINAL_TYPE (SummitPlaceChooser, summit_place_chooser, SUMMIT, PLACE_CHOOSER, GtkBox)

const char *summit_place_chooser_get_value (SummitPlaceChooser *self);
void        summit_place_chooser_set_value (SummitPlaceChooser *self,
                                            const char         *value);
void        summit_place_chooser_set_choices (SummitPlaceChooser *self,
                                              const char * const *ids);

G_END_DECLS
