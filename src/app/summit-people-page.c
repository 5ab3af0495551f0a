/* summit-people-page.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The People page: every mayor and official in a sortable table.
 */
#define G_LOG_DOMAIN "summit-people-page"

#include "config.h"

#include <glib/gi18n.h>

#include "summit-people.h"
#include "summit-people-page.h"

struct _SummitPeoplePage
{
  GtkWidget          parent_instance;

  /* Template widgets */
  GtkStack          *stack;
  GtkColumnView     *column_view;
  AdwStatusPage     *error_page;

  /* Owned */
  GListStore        *people;
  SummitStore       *store;
};

G_DEFINE_FINAL_TYPE (SummitPeoplePage, summit_people_page, GTK_TYPE_WIDGET)

static void
summit_people_page_reload (SummitPeoplePage *self)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;

  people = summit_store_list_people (self->store, &error);
  if (people == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  /* One splice, not one append per row: PLATFORM.md measured the difference. */
  g_list_store_splice (self->people, 0, g_list_model_get_n_items (G_LIST_MODEL (self->people)),
                       people->pdata, people->len);
  gtk_stack_set_visible_child_name (self->stack, people->len > 0 ? "list" : "empty");
}

static void
summit_people_page_dispose (GObject *object)
{
  SummitPeoplePage *self = (SummitPeoplePage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SUMMIT_TYPE_PEOPLE_PAGE);
  g_clear_object (&self->people);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (summit_people_page_parent_class)->dispose (object);
}

static void
summit_people_page_class_init (SummitPeoplePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = summit_people_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/summit-people-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SummitPeoplePage, column_view);
  gtk_widget_class_bind_template_child (widget_class, SummitPeoplePage, error_page);
  gtk_widget_class_bind_template_child (widget_class, SummitPeoplePage, stack);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  g_type_ensure (SUMMIT_TYPE_PERSON);
}

static void
summit_people_page_init (SummitPeoplePage *self)
{
  GtkSortListModel *sorted;
  GtkNoSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->people = g_list_store_new (SUMMIT_TYPE_PERSON);
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->people)),
                                    g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  selection = gtk_no_selection_new (G_LIST_MODEL (sorted));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
}

/**
 * summit_people_page_set_store:
 *
 * Shows the people of @store.
 */
void
summit_people_page_set_store (SummitPeoplePage *self,
                              SummitStore      *store)
{
  g_return_if_fail (SUMMIT_IS_PEOPLE_PAGE (self));
  g_return_if_fail (SUMMIT_IS_STORE (store));

  if (g_set_object (&self->store, store))
    summit_people_page_reload (self);
}
