/* summit-rights.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Who may do what: whether the store's rights allow a kind of change, and
 * the sentence a control the user cannot use shows as its tooltip instead
 * of its own (a read-only file has no rights at all).
 */
#define G_LOG_DOMAIN "summit-rights"

#include "config.h"

#include <glib/gi18n.h>

#include "summit-rights.h"

#define OWN_TOOLTIP "summit-rights-own-tooltip"

/* The server role that grants exactly @rights, or NULL if none does. */
static const char *
role_name (SummitStoreRights rights)
{
  switch ((int)rights)
    {
    case SUMMIT_STORE_RIGHT_NONE:
      return C_("role", "reporter");
    case SUMMIT_STORE_RIGHT_PEOPLE | SUMMIT_STORE_RIGHT_EDITIONS:
      return C_("role", "staff");
    case SUMMIT_STORE_RIGHT_PROGRAMME:
      return C_("role", "planner");
    default:
      return NULL;
    }
}

/**
 * summit_rights_allow:
 * @store: (nullable): the database shown
 *
 * Returns: whether the user may make changes that need @needed
 */
gboolean
summit_rights_allow (SummitStore       *store,
                     SummitStoreRights  needed)
{
  return store != NULL && (summit_store_get_rights (store) & needed) == needed;
}

/**
 * summit_rights_refusal:
 * @needed: one right
 *
 * Returns: (transfer full) (nullable): why the user of @store may not make
 *   changes that need @needed, for a tooltip, or %NULL if they may
 */
char *
summit_rights_refusal (SummitStore       *store,
                       SummitStoreRights  needed)
{
  SummitStoreRights rights;
  const char *role;

  g_return_val_if_fail (SUMMIT_IS_STORE (store), NULL);

  if (summit_rights_allow (store, needed))
    return NULL;
  if (!summit_store_is_server (store))
    return g_strdup (_("This database file is read-only: nothing can be changed"));

  rights = summit_store_get_rights (store);
  role = role_name (rights);
  switch ((int)needed)
    {
    case SUMMIT_STORE_RIGHT_PEOPLE:
      return role != NULL
               /* Translators: %s is a role: reporter, staff or planner */
               ? g_strdup_printf (_("Your role on this server (%s) cannot change people"), role)
               : g_strdup (_("You may not change people on this server"));
    case SUMMIT_STORE_RIGHT_PROGRAMME:
      return role != NULL
               /* Translators: %s is a role: reporter, staff or planner */
               ? g_strdup_printf (_("Your role on this server (%s) cannot change sessions or lineups"), role)
               : g_strdup (_("You may not change sessions or lineups on this server"));
    default:
      return role != NULL
               /* Translators: %s is a role: reporter, staff or planner */
               ? g_strdup_printf (_("Your role on this server (%s) cannot change editions or yearly figures"), role)
               : g_strdup (_("You may not change editions or yearly figures on this server"));
    }
}

/**
 * summit_rights_explain:
 * @refusal: (nullable): why @widget cannot be used, or %NULL if it can
 *
 * Shows @refusal as @widget's tooltip (and accessible description) in
 * place of its own, which comes back once @refusal is %NULL. Whether
 * @widget is sensitive is for the caller (or its action) to decide.
 */
void
summit_rights_explain (GtkWidget  *widget,
                       const char *refusal)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (g_object_get_data (G_OBJECT (widget), OWN_TOOLTIP) == NULL)
    g_object_set_data_full (G_OBJECT (widget), OWN_TOOLTIP,
                            g_strdup (gtk_widget_get_tooltip_text (widget) ?: ""), g_free);
  if (refusal == NULL)
    {
      const char *own = g_object_get_data (G_OBJECT (widget), OWN_TOOLTIP);
      gtk_widget_set_tooltip_text (widget, *own ? own : NULL);
    }
  else
    gtk_widget_set_tooltip_text (widget, refusal);
}

/**
 * summit_rights_explain_actions:
 * @actions: (array zero-terminated=1): action names ("people.add")
 *
 * summit_rights_explain() on every button and other actionable widget
 * under @root (itself included) that triggers one of @actions.
 */
void
summit_rights_explain_actions (GtkWidget          *root,
                               const char * const *actions,
                               const char         *refusal)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_ACTIONABLE (root))
    {
      const char *name = gtk_actionable_get_action_name (GTK_ACTIONABLE (root));

      if (name != NULL && g_strv_contains (actions, name))
        summit_rights_explain (root, refusal);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    summit_rights_explain_actions (child, actions, refusal);
}
