/* summit-people.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "summit-edition.h"
#include "summit-invitation.h"
#include "summit-person.h"
#include "summit-store.h"
#include "summit-store-invitations.h"
#include "summit-store-people.h"

G_BEGIN_DECLS

/* The reference lists a person's validation uses */
gboolean     summit_country_is_known             (const char              *code);
const char  *summit_country_get_name             (const char              *code);
const char * const *summit_country_list_codes    (void);
const char * const *summit_timezone_list         (void);

G_END_DECLS
