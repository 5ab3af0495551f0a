/* summit-letters-dialog.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "summit-edition.h"
#include "summit-store.h"

G_BEGIN_DECLS

/* Told when the letters are written (or not): @message for a toast, and the
 * people whose draft invitation became "invited". */
typedef void (*SummitLettersDone) (const char   *message,
                                   const gint64 *marked,
                                   guint         n_marked,
                                   gpointer      user_data);

void summit_letters_dialog_run (GtkWidget         *parent,
                                SummitStore       *store,
                                SummitEdition     *edition,
                                const gint64      *person_ids,
                                guint              n_ids,
                                SummitLettersDone  done,
                                gpointer           user_data);

G_END_DECLS
