/* summit-keyring.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

char     *summit_keyring_lookup_sync   (const char          *location,
                                        GCancellable        *cancellable,
                                        GError             **error);
void      summit_keyring_lookup        (const char          *location,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
char     *summit_keyring_lookup_finish (GAsyncResult        *result,
                                        GError             **error);
gboolean  summit_keyring_store_sync    (const char          *location,
                                        const char          *password,
                                        GCancellable        *cancellable,
                                        GError             **error);
gboolean  summit_keyring_clear_sync    (const char          *location,
                                        GCancellable        *cancellable,
                                        GError             **error);
void      summit_keyring_prepare       (const char          *location);

G_END_DECLS
