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

/* Validation and the reference lists it uses */
gboolean     summit_person_validate_field        (SummitPerson            *person,
                                                  SummitPersonField        field,
                                                  GError                 **error);
gboolean     summit_person_validate              (SummitPerson            *person,
                                                  SummitPersonField       *bad_field,
                                                  GError                 **error);
gboolean     summit_email_is_valid               (const char              *email);
gboolean     summit_country_is_known             (const char              *code);
const char  *summit_country_get_name             (const char              *code);
const char * const *summit_country_list_codes    (void);
const char * const *summit_timezone_list         (void);

G_END_DECLS
