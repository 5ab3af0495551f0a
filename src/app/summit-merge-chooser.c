/* summit-merge-chooser.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where someone else saved the same fields while an editor was open: one
 * row per field, the editor's value beside the stored one, and a choice per
 * row. ::save is emitted only once every row has its choice; ::cancel goes
 * back to editing with everything as typed. It holds, for the editor, what
 * was merged with and how until the choice is made.
 */
#define G_LOG_DOMAIN "summit-merge-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "summit-merge-chooser.h"

struct _SummitMergeChooser
{
  GtkWidget       parent_instance;

  /* Owned (children) */
  GtkWidget      *box;
  GtkGrid        *grid;
  GtkWidget      *save_button;

  /* Borrowed: the "yours" and "theirs" buttons of each row, in turn */
  GPtrArray      *choices;

  /* Owned: the merge waiting for the choice */
  GObject        *theirs;
  GObject        *mine;
  GObject        *merged;
  GArray         *fields;
};

G_DEFINE_FINAL_TYPE (SummitMergeChooser, summit_merge_chooser, GTK_TYPE_WIDGET)

enum {
  SAVE,
  CANCEL,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
all_chosen (SummitMergeChooser *self)
{
  for (guint i = 0; i < self->choices->len; i += 2)
    if (!gtk_check_button_get_active (g_ptr_array_index (self->choices, i)) &&
        !gtk_check_button_get_active (g_ptr_array_index (self->choices, i + 1)))
      return FALSE;
  return TRUE;
}

static void
choice_toggled_cb (SummitMergeChooser *self)
{
  gtk_widget_set_sensitive (self->save_button, all_chosen (self));
}

static void
save_clicked_cb (SummitMergeChooser *self)
{
  if (all_chosen (self))
    g_signal_emit (self, signals[SAVE], 0);
}

static void
forget_merge (SummitMergeChooser *self)
{
  g_clear_object (&self->theirs);
  g_clear_object (&self->mine);
  g_clear_object (&self->merged);
  g_clear_pointer (&self->fields, g_array_unref);
}

static void
cancel_clicked_cb (SummitMergeChooser *self)
{
  forget_merge (self);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  g_signal_emit (self, signals[CANCEL], 0);
}

static GtkWidget *
grid_label (const char *text,
            gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  return label;
}

static GtkWidget *
text_button (const char *text,
             GCallback   callback,
             gpointer    user_data)
{
  GtkWidget *button = gtk_button_new ();
  g_autofree char *name = g_strdup (text);
  char *from = name, *to = name;

  /* The accessible name is the label without its mnemonic underscore. */
  for (; *from; from++)
    if (*from != '_')
      *to++ = *from;
  *to = '\0';
  gtk_button_set_child (GTK_BUTTON (button), gtk_label_new_with_mnemonic (text));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_signal_connect_swapped (button, "clicked", callback, user_data);
  return button;
}

static void
summit_merge_chooser_dispose (GObject *object)
{
  SummitMergeChooser *self = (SummitMergeChooser *)object;

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->choices, g_ptr_array_unref);
  forget_merge (self);

  G_OBJECT_CLASS (summit_merge_chooser_parent_class)->dispose (object);
}

static void
summit_merge_chooser_class_init (SummitMergeChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = summit_merge_chooser_dispose;

  /**
   * SummitMergeChooser::save:
   *
   * Every row has its choice, and the person asked to save.
   */
  signals[SAVE] = g_signal_new ("save", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * SummitMergeChooser::cancel:
   *
   * The person went back to editing; the chooser has hidden itself.
   */
  signals[CANCEL] = g_signal_new ("cancel", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
summit_merge_chooser_init (SummitMergeChooser *self)
{
  GtkWidget *buttons;
  GtkWidget *cancel;
  GtkWidget *title = grid_label (_("Someone else changed this meanwhile"), TRUE);
  GtkWidget *explanation = grid_label (_("You both changed the fields below. Choose the value to keep "
                                         "for each; nothing is saved until you have."), FALSE);

  self->choices = g_ptr_array_new ();
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_widget_add_css_class (self->box, "card");
  gtk_widget_set_margin_bottom (self->box, 6);

  gtk_widget_set_margin_start (title, 12);
  gtk_widget_set_margin_top (title, 12);
  gtk_widget_set_margin_start (explanation, 12);
  gtk_widget_set_margin_end (explanation, 12);
  gtk_box_append (GTK_BOX (self->box), title);
  gtk_box_append (GTK_BOX (self->box), explanation);

  self->grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_spacing (self->grid, 18);
  gtk_grid_set_row_spacing (self->grid, 6);
  gtk_widget_set_margin_start (GTK_WIDGET (self->grid), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->grid), 12);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->grid));

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_widget_set_margin_end (buttons, 12);
  gtk_widget_set_margin_bottom (buttons, 12);
  cancel = text_button (_("_Keep Editing"), G_CALLBACK (cancel_clicked_cb), self);
  self->save_button = text_button (_("Save _Choices"), G_CALLBACK (save_clicked_cb), self);
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  gtk_box_append (GTK_BOX (buttons), cancel);
  gtk_box_append (GTK_BOX (buttons), self->save_button);
  gtk_box_append (GTK_BOX (self->box), buttons);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Someone else changed this meanwhile"), -1);
  summit_merge_chooser_clear (self);
}

/**
 * summit_merge_chooser_clear:
 *
 * Takes every row and the merge away, and hides the chooser.
 */
void
summit_merge_chooser_clear (SummitMergeChooser *self)
{
  GtkWidget *child;

  g_return_if_fail (SUMMIT_IS_MERGE_CHOOSER (self));

  forget_merge (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  g_ptr_array_set_size (self->choices, 0);
  gtk_grid_attach (self->grid, grid_label (_("Field"), TRUE), 0, 0, 1, 1);
  gtk_grid_attach (self->grid, grid_label (_("Yours"), TRUE), 1, 0, 1, 1);
  gtk_grid_attach (self->grid, grid_label (_("Theirs (saved meanwhile)"), TRUE), 2, 0, 1, 1);
  gtk_widget_set_sensitive (self->save_button, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

static GtkWidget *
choice_button (SummitMergeChooser *self,
               const char         *value,
               const char         *accessible_name,
               GtkWidget          *group)
{
  GtkWidget *button = gtk_check_button_new_with_label (*value ? value : _("(empty)"));
  GtkWidget *label = gtk_widget_get_last_child (button);

  if (GTK_IS_LABEL (label))
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
    }
  gtk_widget_set_hexpand (button, TRUE);
  if (group != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (button), GTK_CHECK_BUTTON (group));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_name, -1);
  g_signal_connect_swapped (button, "toggled", G_CALLBACK (choice_toggled_cb), self);
  return button;
}

/**
 * summit_merge_chooser_add:
 * @field: the field's name, as the editor shows it
 * @yours: the value in the editor
 * @theirs: the value stored meanwhile
 *
 * Adds a row, with neither value chosen yet.
 */
void
summit_merge_chooser_add (SummitMergeChooser *self,
                          const char         *field,
                          const char         *yours,
                          const char         *theirs)
{
  int row = (int)self->choices->len / 2 + 1;
  /* Translators: a choice's name for screen readers: "Email, yours: a@lublin.eu" */
  g_autofree char *mine_name = g_strdup_printf (_("%s, yours: %s"), field, yours);
  /* Translators: a choice's name for screen readers: "Email, theirs: b@lublin.eu" */
  g_autofree char *their_name = g_strdup_printf (_("%s, theirs: %s"), field, theirs);
  GtkWidget *mine;
  GtkWidget *other;

  g_return_if_fail (SUMMIT_IS_MERGE_CHOOSER (self));

  mine = choice_button (self, yours, mine_name, NULL);
  other = choice_button (self, theirs, their_name, mine);
  gtk_grid_attach (self->grid, grid_label (field, FALSE), 0, row, 1, 1);
  gtk_grid_attach (self->grid, mine, 1, row, 1, 1);
  gtk_grid_attach (self->grid, other, 2, row, 1, 1);
  g_ptr_array_add (self->choices, mine);
  g_ptr_array_add (self->choices, other);
}

/**
 * summit_merge_chooser_keeps_mine:
 *
 * Returns: whether the person chose their own value in @row (from 0)
 */
gboolean
summit_merge_chooser_keeps_mine (SummitMergeChooser *self,
                                 guint               row)
{
  g_return_val_if_fail (SUMMIT_IS_MERGE_CHOOSER (self), FALSE);
  g_return_val_if_fail (row * 2 < self->choices->len, FALSE);

  return gtk_check_button_get_active (g_ptr_array_index (self->choices, row * 2));
}

/**
 * summit_merge_chooser_present:
 *
 * Shows the chooser and puts the keyboard on its first choice.
 */
void
summit_merge_chooser_present (SummitMergeChooser *self)
{
  g_return_if_fail (SUMMIT_IS_MERGE_CHOOSER (self));

  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  if (self->choices->len > 0)
    gtk_widget_grab_focus (g_ptr_array_index (self->choices, 0));
}

/**
 * summit_merge_chooser_begin:
 * @theirs: the record as stored now
 * @mine: the editor's record
 * @merged: their merge, conflicting fields as @theirs
 * @fields: (transfer full): the conflicting fields, in the order of the rows
 *   to add
 *
 * Starts a choice: clears the chooser and keeps the merge for the editor.
 */
void
summit_merge_chooser_begin (SummitMergeChooser *self,
                            GObject            *theirs,
                            GObject            *mine,
                            GObject            *merged,
                            GArray             *fields)
{
  g_return_if_fail (SUMMIT_IS_MERGE_CHOOSER (self));

  summit_merge_chooser_clear (self);
  self->theirs = g_object_ref (theirs);
  self->mine = g_object_ref (mine);
  self->merged = g_object_ref (merged);
  self->fields = fields;
}

/**
 * summit_merge_chooser_get_merge:
 * @theirs: (out) (transfer none) (optional)
 * @mine: (out) (transfer none) (optional)
 * @fields: (out) (transfer none) (optional): the fields of the rows
 *
 * Returns: (transfer none) (nullable): the merge waiting for the choice,
 *   or %NULL if there is none
 */
GObject *
summit_merge_chooser_get_merge (SummitMergeChooser  *self,
                                GObject            **theirs,
                                GObject            **mine,
                                GArray             **fields)
{
  g_return_val_if_fail (SUMMIT_IS_MERGE_CHOOSER (self), NULL);

  if (theirs != NULL)
    *theirs = self->theirs;
  if (mine != NULL)
    *mine = self->mine;
  if (fields != NULL)
    *fields = self->fields;
  return self->merged;
}
