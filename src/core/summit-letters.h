/* summit-letters.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "summit-edition.h"
#include "summit-person.h"
#include "summit-store.h"
#include "summit-store-people.h"

G_BEGIN_DECLS

#define SUMMIT_LETTERS_ERROR (summit_letters_error_quark ())

typedef enum
{
  SUMMIT_LETTERS_ERROR_TEMPLATE,
  SUMMIT_LETTERS_ERROR_NOBODY,
} SummitLettersError;

/* Called after each letter, for a progress bar; return FALSE to stop. */
typedef gboolean (*SummitLettersProgress) (guint     done,
                                           guint     total,
                                           gpointer  user_data);

/* What writing letters needs from the store, read on the store's thread. */
typedef struct _SummitLettersJob SummitLettersJob;

GQuark      summit_letters_error_quark    (void);
const char *summit_letters_language       (SummitPerson            *person);
char       *summit_letters_salutation     (SummitPerson            *person,
                                           const char              *language,
                                           GError                 **error);
char       *summit_letters_file_name      (SummitPerson            *person,
                                           SummitEdition           *edition);
gboolean    summit_letters_write          (SummitStore             *store,
                                           SummitEdition           *edition,
                                           GPtrArray               *people,
                                           const char              *output,
                                           gboolean                 one_file,
                                           SummitLettersProgress    progress,
                                           gpointer                 user_data,
                                           GError                 **error);
SummitLettersJob *summit_letters_job_new  (SummitStore             *store,
                                           SummitEdition           *edition,
                                           GPtrArray               *people,
                                           GError                 **error);
gboolean    summit_letters_job_write      (SummitLettersJob        *job,
                                           const char              *output,
                                           gboolean                 one_file,
                                           SummitLettersProgress    progress,
                                           gpointer                 user_data,
                                           GError                 **error);
void        summit_letters_job_free       (SummitLettersJob        *job);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SummitLettersJob, summit_letters_job_free)

G_END_DECLS
