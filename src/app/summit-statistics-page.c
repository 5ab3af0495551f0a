/* summit-statistics-page.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Statistics page: the chart of overseas mayors per year with its data
 * table beside it (for screen readers and for copying; both, and their
 * exports, in summit-statistics-page-chart.c), and below, the editable table of yearly
 * figures — exactly as the sources give them, estimates and missing years
 * marked as such — with the figures derived from the invitations beside them.
 */
#define G_LOG_DOMAIN "summit-statistics-page"

#include "config.h"

#include <glib/gi18n.h>

#include "summit-person.h"
#include "summit-rights.h"
#include "summit-statistics.h"
#include "summit-statistics-page-private.h"
#include "summit-utils.h"

typedef struct _YearRow YearRow;

struct _YearRow
{
  SummitStatisticsPage *page;
  int                   original_year;   /* 0: a year not saved yet */
  gint64                original_version; /* of the figure as read, for the save */
  int                   shown_year;      /* the year it was built for; 0: added by hand */
  GStrv                 base;            /* what it showed when built or saved (RowField) */
  int                   grid_row;
  GtkWidget            *year;
  GtkWidget            *overseas;
  GtkWidget            *kind;
  GtkWidget            *lower_bound;
  GtkWidget            *domestic;
  GtkWidget            *countries;
  GtkWidget            *source;
  GtkWidget            *derived;
  GtkWidget            *save;
};

/* The fields of a row, as row_read () gives them. */
typedef enum
{
  FIELD_YEAR,
  FIELD_OVERSEAS,
  FIELD_KIND,
  FIELD_BOUND,
  FIELD_DOMESTIC,
  FIELD_COUNTRIES,
  FIELD_SOURCE,
  N_FIELDS
} RowField;

/* A row typed in and not saved, kept across a reload. */
typedef struct
{
  int   shown_year;
  int   original_year;
  GStrv base;
  GStrv mine;
} RowDraft;

G_DEFINE_FINAL_TYPE (SummitStatisticsPage, summit_statistics_page, GTK_TYPE_WIDGET)

static void reload (SummitStatisticsPage *self);
static char *reload_figures (SummitStatisticsPage *self);

/* Says @message under the figures, as an error or as a success. */
void
summit_statistics_page_say (SummitStatisticsPage *self,
                            const char           *message,
                            gboolean              is_error)
{
  gtk_label_set_text (self->message_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
  if (is_error)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "success");
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "success");
      gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "error");
    }
}

/* The figures counted from the invitations for @year, if any. */
const SummitDerivedFigure *
summit_statistics_page_find_derived (SummitStatisticsPage *self,
                                     int                   year)
{
  for (guint i = 0; self->derived != NULL && i < self->derived->len; i++)
    if (g_array_index (self->derived, SummitDerivedFigure, i).year == year)
      return &g_array_index (self->derived, SummitDerivedFigure, i);
  return NULL;
}

static void
range_changed_cb (SummitStatisticsPage *self)
{
  summit_statistics_page_rebuild_chart (self);
}

static void
derived_toggled_cb (SummitStatisticsPage *self)
{
  summit_chart_view_set_show_derived (self->chart_view,
                                      gtk_check_button_get_active (self->derived_check));
}

/* Editable table ------------------------------------------------------------- */

static void
year_row_free (gpointer data)
{
  YearRow *row = data;

  g_strfreev (row->base);
  g_free (row);
}

static GtkWidget *
row_field (YearRow  *row,
           RowField  field)
{
  GtkWidget *widgets[N_FIELDS] = { row->year, row->overseas, row->kind, row->lower_bound,
                                   row->domestic, row->countries, row->source };

  return widgets[field];
}

/* What @row shows now: a string per RowField. */
static GStrv
row_read (YearRow *row)
{
  GStrv values = g_new0 (char *, N_FIELDS + 1);

  for (RowField f = 0; f < N_FIELDS; f++)
    {
      GtkWidget *widget = row_field (row, f);

      if (f == FIELD_KIND)
        values[f] = g_strdup_printf ("%u", gtk_drop_down_get_selected (GTK_DROP_DOWN (widget)));
      else if (f == FIELD_BOUND)
        values[f] = g_strdup (gtk_check_button_get_active (GTK_CHECK_BUTTON (widget)) ? "1" : "0");
      else
        values[f] = g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));
    }
  return values;
}

static void
row_write (YearRow     *row,
           RowField     field,
           const char  *value)
{
  GtkWidget *widget = row_field (row, field);

  if (field == FIELD_KIND)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (widget), atoi (value));
  else if (field == FIELD_BOUND)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (widget), g_str_equal (value, "1"));
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), value);
}

/* A field's value as a person reads it in a message. */
static const char *
field_display (RowField    field,
               const char *value)
{
  if (field == FIELD_KIND)
    return summit_figure_kind_to_label (atoi (value));
  if (field == FIELD_BOUND)
    /* Translators: whether an estimate is a lower bound ("over 150") */
    return g_str_equal (value, "1") ? _("over") : _("not over");
  /* Translators: a field left blank */
  return *value != '\0' ? value : _("blank");
}

static const char *
field_label (RowField field)
{
  const char *labels[N_FIELDS] = {
    _("Year"), _("Overseas mayors"), _("Kind"), _("Lower bound"), _("Domestic mayors"),
    _("Countries"), _("Source"),
  };

  return labels[field];
}

static void
row_draft_free (gpointer data)
{
  RowDraft *draft = data;

  g_strfreev (draft->base);
  g_strfreev (draft->mine);
  g_free (draft);
}

static GtkWidget *
row_entry (const char *text,
           int         width_chars,
           const char *accessible)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), width_chars);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), width_chars);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return entry;
}

static char *
count_text (int count)
{
  return count >= 0 ? g_strdup_printf ("%d", count) : g_strdup ("");
}

static void
update_row_sensitivity (YearRow *row)
{
  guint kind = gtk_drop_down_get_selected (GTK_DROP_DOWN (row->kind));

  gtk_widget_set_sensitive (row->overseas, kind != SUMMIT_FIGURE_MISSING);
  gtk_widget_set_sensitive (row->lower_bound, kind == SUMMIT_FIGURE_ESTIMATE);
}

static void
clear_row_errors (YearRow *row)
{
  for (RowField f = 0; f < N_FIELDS; f++)
    {
      gtk_widget_remove_css_class (row_field (row, f), "error");
      gtk_widget_remove_css_class (row_field (row, f), "warning");
      if (GTK_IS_ENTRY (row_field (row, f)))
        gtk_widget_set_tooltip_text (row_field (row, f), NULL);
    }
}

static gboolean
parse_field (YearRow     *row,
             GtkWidget   *entry,
             const char  *what,
             gboolean     required,
             int         *count,
             GError     **error)
{
  if (summit_statistics_parse_count (gtk_editable_get_text (GTK_EDITABLE (entry)), what,
                                     required, count, error))
    return TRUE;
  gtk_widget_add_css_class (entry, "error");
  gtk_widget_grab_focus (entry);
  return FALSE;
}

static void
save_row (YearRow *row)
{
  SummitStatisticsPage *self = row->page;
  g_autoptr(SummitYearStatistic) stat = NULL;
  g_autoptr(GError) error = NULL;
  SummitFigureKind kind = gtk_drop_down_get_selected (GTK_DROP_DOWN (row->kind));
  int year = 0, overseas = -1, domestic = -1, countries = -1;

  clear_row_errors (row);

  if (!summit_statistics_parse_year (gtk_editable_get_text (GTK_EDITABLE (row->year)), &year,
                                     &error))
    {
      gtk_widget_add_css_class (row->year, "error");
      gtk_widget_grab_focus (row->year);
    }
  else if ((kind == SUMMIT_FIGURE_MISSING ||
            parse_field (row, row->overseas, _("Overseas mayors"), TRUE, &overseas, &error)) &&
           parse_field (row, row->domestic, _("Domestic mayors"), FALSE, &domestic, &error) &&
           parse_field (row, row->countries, _("Countries"), FALSE, &countries, &error))
    {
      stat = summit_year_statistic_new (year, kind);
      summit_year_statistic_set_overseas (stat, kind == SUMMIT_FIGURE_MISSING ? -1 : overseas);
      summit_year_statistic_set_lower_bound (stat, kind == SUMMIT_FIGURE_ESTIMATE &&
                                             gtk_check_button_get_active (GTK_CHECK_BUTTON (row->lower_bound)));
      summit_year_statistic_set_domestic (stat, domestic);
      summit_year_statistic_set_countries (stat, countries);
      summit_year_statistic_set_source (stat, gtk_editable_get_text (GTK_EDITABLE (row->source)));
      summit_year_statistic_set_version (stat, row->original_version);
      if (!summit_store_save_year_statistic (self->store, stat, row->original_year, &error) &&
          g_error_matches (error, SUMMIT_STATISTICS_ERROR, SUMMIT_STATISTICS_ERROR_DUPLICATE_YEAR))
        gtk_widget_add_css_class (row->year, "error");
    }

  if (error != NULL)
    {
      g_autofree char *message = NULL;

      if (row->original_year != 0)
        /* Translators: a refused edit, e.g. "Not saved (2018): Overseas mayors: …" */
        message = g_strdup_printf (_("Not saved (%d): %s"), row->original_year, error->message);
      else
        message = g_strdup_printf (_("Not saved (new year): %s"), error->message);
      if (g_error_matches (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_CONFLICT))
        {
          /* Show what is saved now, with what was typed kept over it. */
          g_autofree char *notes = reload_figures (self);
          g_autofree char *more = NULL;

          more = g_strdup_printf ("%s %s", message,
                                  notes ? notes : _("What you typed is kept with the other "
                                                    "changes; save again to record it."));
          summit_statistics_page_say (self, more, TRUE);
          return;
        }
      summit_statistics_page_say (self, message, TRUE);
      return;
    }
  row->original_version = summit_year_statistic_get_version (stat);
  g_strfreev (row->base);
  row->base = row_read (row);

  {
    g_autofree char *message = g_strdup_printf (_("Saved %d."), year);
    gboolean year_moved = row->original_year != year;

    summit_statistics_page_say (self, message, FALSE);
    if (year_moved)
      reload (self);   /* the rows' order and names change */
    else
      {
        g_autoptr(GPtrArray) stats = summit_store_list_year_statistics (self->store, NULL);

        if (stats != NULL)
          {
            g_clear_pointer (&self->stats, g_ptr_array_unref);
            self->stats = g_steal_pointer (&stats);
          }
        summit_statistics_page_rebuild_chart (self);
      }
  }
}

static void
row_activate_cb (GtkWidget *widget,
                 YearRow   *row)
{
  save_row (row);
}

static void
row_kind_changed_cb (GObject    *object,
                     GParamSpec *pspec,
                     YearRow    *row)
{
  update_row_sensitivity (row);
}

static void
attach_header (SummitStatisticsPage *self)
{
  const char *headers[] = {
    _("Year"), _("Overseas mayors"), _("Kind"), _("Lower bound"), _("Domestic mayors"),
    _("Countries"), _("Source"), _("Mayors and deputy mayors from invitations (overseas/domestic)"),
  };

  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    {
      GtkWidget *label = gtk_label_new (headers[c]);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_yalign (GTK_LABEL (label), 1);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 9);
      gtk_widget_add_css_class (label, "heading");
      gtk_grid_attach (self->editor_grid, label, c, 0, 1, 1);
    }
}

static GMenuModel *
adopt_menu (int                        year,
            const SummitDerivedFigure *d)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenuItem) confirmed = NULL;
  g_autoptr(GMenuItem) attended = NULL;
  g_autofree char *confirmed_label = NULL;
  g_autofree char *attended_label = NULL;

  confirmed_label = g_strdup_printf (_("Record the Confirmed: %d Overseas, %d Domestic"),
                                     d->overseas_confirmed, d->domestic_confirmed);
  attended_label = g_strdup_printf (_("Record the Attended: %d Overseas, %d Domestic"),
                                    d->overseas_attended, d->domestic_attended);
  confirmed = g_menu_item_new (confirmed_label, NULL);
  g_menu_item_set_action_and_target_value (confirmed, "statistics.adopt-confirmed",
                                           g_variant_new_int32 (year));
  attended = g_menu_item_new (attended_label, NULL);
  g_menu_item_set_action_and_target_value (attended, "statistics.adopt-attended",
                                           g_variant_new_int32 (year));
  g_menu_append_item (menu, confirmed);
  g_menu_append_item (menu, attended);
  return G_MENU_MODEL (menu);
}

/* The accessible names of one year's cells. */
typedef struct
{
  char *year, *overseas, *kind, *bound, *domestic, *countries, *source, *save, *derived;
} RowNames;

static void
row_names_clear (RowNames *names)
{
  g_free (names->year);
  g_free (names->overseas);
  g_free (names->kind);
  g_free (names->bound);
  g_free (names->domestic);
  g_free (names->countries);
  g_free (names->source);
  g_free (names->save);
  g_free (names->derived);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RowNames, row_names_clear)

/* @year's, or the new row's if @year is 0. */
static void
row_names_init (RowNames *names,
                int       year)
{
  if (year > 0)
    {
      /* Translators: accessible names of the cells of one year's row */
      names->year = g_strdup_printf (_("Year of row %d"), year);
      names->overseas = g_strdup_printf (_("Overseas mayors in %d"), year);
      names->kind = g_strdup_printf (_("Kind of figure in %d"), year);
      names->bound = g_strdup_printf (_("Lower bound in %d"), year);
      names->domestic = g_strdup_printf (_("Domestic mayors in %d"), year);
      names->countries = g_strdup_printf (_("Countries in %d"), year);
      names->source = g_strdup_printf (_("Source for %d"), year);
      names->save = g_strdup_printf (_("Save %d"), year);
      names->derived = g_strdup_printf (_("Adopt the figures from invitations for %d"), year);
    }
  else
    {
      names->year = g_strdup (_("Year of the new row"));
      names->overseas = g_strdup (_("Overseas mayors in the new year"));
      names->kind = g_strdup (_("Kind of figure in the new year"));
      names->bound = g_strdup (_("Lower bound in the new year"));
      names->domestic = g_strdup (_("Domestic mayors in the new year"));
      names->countries = g_strdup (_("Countries in the new year"));
      names->source = g_strdup (_("Source for the new year"));
      names->save = g_strdup (_("Save the new year"));
      names->derived = NULL;
    }
}

/* The drop-down of the figure's kind, named @name. */
static GtkWidget *
kind_drop_down (SummitFigureKind  kind,
                const char       *name)
{
  const char * const kinds[] = {
    summit_figure_kind_to_label (SUMMIT_FIGURE_RECORDED),
    summit_figure_kind_to_label (SUMMIT_FIGURE_ESTIMATE),
    summit_figure_kind_to_label (SUMMIT_FIGURE_MISSING),
    NULL
  };
  GtkWidget *drop_down = gtk_drop_down_new_from_strings (kinds);

  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  /* The drop-down's own button is what AT-SPI clients press: name it too. */
  for (GtkWidget *child = gtk_widget_get_first_child (drop_down); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), kind);
  return drop_down;
}

/* The figures counted from the invitations for @year, and a button to
 * record them; appended to @box. Returns the label. */
static GtkWidget *
append_derived (GtkBox                    *box,
                int                        year,
                const SummitDerivedFigure *d,
                const char                *name)
{
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;
  GtkWidget *label, *adopt;
  g_autoptr(GMenuModel) menu = adopt_menu (year, d);

  /* Translators: mayors counted from the invitations, overseas/domestic */
  text = g_strdup_printf (_("%d/%d confirmed\n%d/%d attended"),
                          d->overseas_confirmed, d->domestic_confirmed,
                          d->overseas_attended, d->domestic_attended);
  tooltip = summit_derived_figure_describe (d);
  label = gtk_label_new (text);
  gtk_widget_set_tooltip_text (label, tooltip);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "caption");
  adopt = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (adopt), _("Adopt"));
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (adopt), menu);
  gtk_widget_set_tooltip_text (adopt, _("Record the figures counted from the invitations"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (adopt),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_box_append (box, label);
  gtk_box_append (box, adopt);
  return label;
}

static YearRow *
add_row (SummitStatisticsPage *self,
         SummitYearStatistic  *stat,
         int                   year)
{
  YearRow *row = g_new0 (YearRow, 1);
  g_autofree char *year_text = year > 0 ? g_strdup_printf ("%d", year) : g_strdup ("");
  g_autofree char *overseas = NULL, *domestic = NULL, *countries = NULL;
  g_auto(RowNames) names = { NULL };
  const SummitDerivedFigure *d = year > 0 ? summit_statistics_page_find_derived (self, year) : NULL;
  GtkWidget *box;
  int r;

  row->page = self;
  row->shown_year = year;
  row->original_year = stat != NULL ? year : 0;
  row->original_version = stat != NULL ? summit_year_statistic_get_version (stat) : 0;
  row->grid_row = r = ++self->editor_rows;
  row_names_init (&names, year);

  overseas = count_text (stat ? summit_year_statistic_get_overseas (stat) : -1);
  domestic = count_text (stat ? summit_year_statistic_get_domestic (stat) : -1);
  countries = count_text (stat ? summit_year_statistic_get_countries (stat) : -1);

  row->year = row_entry (year_text, 5, names.year);
  row->overseas = row_entry (overseas, 5, names.overseas);
  /* A year with invitations but no figure yet has none: missing. */
  row->kind = kind_drop_down (stat ? summit_year_statistic_get_kind (stat)
                              : year > 0 ? SUMMIT_FIGURE_MISSING : SUMMIT_FIGURE_RECORDED,
                              names.kind);
  row->lower_bound = gtk_check_button_new_with_label (_("over"));
  gtk_widget_set_tooltip_text (row->lower_bound, _("The estimate is a lower bound (“over 150”)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->lower_bound),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, names.bound, -1);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (row->lower_bound),
                               stat && summit_year_statistic_get_lower_bound (stat));
  row->domestic = row_entry (domestic, 5, names.domestic);
  row->countries = row_entry (countries, 4, names.countries);
  row->source = row_entry (stat ? summit_year_statistic_get_source (stat) : "", 22, names.source);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (row->source), -1);
  gtk_widget_set_hexpand (row->source, TRUE);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  if (d != NULL)
    row->derived = append_derived (GTK_BOX (box), year, d, names.derived);

  row->save = gtk_button_new_with_label (_("Save"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->save),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, names.save, -1);
  gtk_box_append (GTK_BOX (box), row->save);

  gtk_grid_attach (self->editor_grid, row->year, 0, r, 1, 1);
  gtk_grid_attach (self->editor_grid, row->overseas, 1, r, 1, 1);
  gtk_grid_attach (self->editor_grid, row->kind, 2, r, 1, 1);
  gtk_grid_attach (self->editor_grid, row->lower_bound, 3, r, 1, 1);
  gtk_grid_attach (self->editor_grid, row->domestic, 4, r, 1, 1);
  gtk_grid_attach (self->editor_grid, row->countries, 5, r, 1, 1);
  gtk_grid_attach (self->editor_grid, row->source, 6, r, 1, 1);
  gtk_grid_attach (self->editor_grid, box, 7, r, 1, 1);

  {
    GtkWidget *entries[] = { row->year, row->overseas, row->domestic, row->countries,
                             row->source };
    for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
      g_signal_connect (entries[i], "activate", G_CALLBACK (row_activate_cb), row);
  }
  g_signal_connect (row->save, "clicked", G_CALLBACK (row_activate_cb), row);
  g_signal_connect (row->kind, "notify::selected", G_CALLBACK (row_kind_changed_cb), row);
  update_row_sensitivity (row);
  row->base = row_read (row);

  g_ptr_array_add (self->rows, row);
  return row;
}

/* Puts @draft, typed before a reload, back over the row of the same year as
 * read now: what was typed stays; fields changed elsewhere but not here
 * take the new value. Where both changed a field, says so in @notes. */
static void
merge_draft (SummitStatisticsPage *self,
             RowDraft             *draft,
             GString              *notes)
{
  g_autoptr(GString) clashes = g_string_new (NULL);
  YearRow *row = NULL;

  for (guint i = 0; draft->shown_year != 0 && i < self->rows->len && row == NULL; i++)
    if (((YearRow *) g_ptr_array_index (self->rows, i))->shown_year == draft->shown_year)
      row = g_ptr_array_index (self->rows, i);

  if (row == NULL)
    {
      row = add_row (self, NULL, 0);
      for (RowField f = 0; f < N_FIELDS; f++)
        row_write (row, f, draft->mine[f]);
      if (draft->original_year != 0 && notes->len > 0)
        g_string_append_c (notes, ' ');
      if (draft->original_year != 0)
        g_string_append_printf (notes,
                                _("The figure for %d was removed elsewhere; what you typed is "
                                  "kept in a new row, not saved yet."),
                                draft->original_year);
      return;
    }

  for (RowField f = 0; f < N_FIELDS; f++)
    {
      const char *theirs = row->base[f];

      if (g_str_equal (draft->mine[f], draft->base[f]))
        continue;
      if (!g_str_equal (theirs, draft->base[f]) && !g_str_equal (theirs, draft->mine[f]))
        {
          g_autofree char *tip = NULL;

          if (clashes->len > 0)
            g_string_append (clashes, "; ");
          /* Translators: a field changed here and elsewhere, e.g.
           * "Overseas mayors: 130 there, 125 here" */
          g_string_append_printf (clashes, _("%s: %s there, %s here"), field_label (f),
                                  field_display (f, theirs), field_display (f, draft->mine[f]));
          tip = g_strdup_printf (_("Saved elsewhere: %s"), field_display (f, theirs));
          gtk_widget_add_css_class (row_field (row, f), "warning");
          if (GTK_IS_ENTRY (row_field (row, f)))
            gtk_widget_set_tooltip_text (row_field (row, f), tip);
        }
      row_write (row, f, draft->mine[f]);
    }
  if (clashes->len > 0)
    {
      if (notes->len > 0)
        g_string_append_c (notes, ' ');
      /* Translators: %d is a year, %s the fields that differ */
      g_string_append_printf (notes, _("%d was also changed elsewhere; what you typed is kept, "
                                       "not saved yet (%s)."),
                              draft->shown_year, clashes->str);
    }
}

/* Builds the rows of the figures read; rows typed in and not saved are
 * kept over them (merge_draft). Returns what to tell about those. */
static char *
rebuild_editor (SummitStatisticsPage *self)
{
  GtkWidget *child;
  g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func (row_draft_free);
  g_autoptr(GString) notes = g_string_new (NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      YearRow *row = g_ptr_array_index (self->rows, i);
      g_auto(GStrv) mine = row_read (row);

      if (!g_strv_equal ((const char * const *) mine, (const char * const *) row->base))
        {
          RowDraft *draft = g_new0 (RowDraft, 1);

          draft->shown_year = row->shown_year;
          draft->original_year = row->original_year;
          draft->base = g_steal_pointer (&row->base);
          draft->mine = g_steal_pointer (&mine);
          g_ptr_array_add (drafts, draft);
        }
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->editor_grid))) != NULL)
    gtk_grid_remove (self->editor_grid, child);
  g_ptr_array_set_size (self->rows, 0);
  self->editor_rows = 0;
  self->editor_stale = FALSE;
  attach_header (self);

  /* Every recorded year, and every edition with invitations but no figure. */
  for (guint i = 0; i < self->stats->len; i++)
    add_row (self, g_ptr_array_index (self->stats, i),
             summit_year_statistic_get_year (g_ptr_array_index (self->stats, i)));
  for (guint i = 0; self->derived != NULL && i < self->derived->len; i++)
    {
      int year = g_array_index (self->derived, SummitDerivedFigure, i).year;
      gboolean recorded = FALSE;

      for (guint j = 0; j < self->stats->len && !recorded; j++)
        recorded = summit_year_statistic_get_year (g_ptr_array_index (self->stats, j)) == year;
      if (!recorded)
        add_row (self, NULL, year);
    }

  for (guint i = 0; i < drafts->len; i++)
    merge_draft (self, g_ptr_array_index (drafts, i), notes);
  return notes->len > 0 ? g_string_free (g_steal_pointer (&notes), FALSE) : NULL;
}

/* Reads the figures again and rebuilds the page, keeping what was typed and
 * not saved. Returns (nullable): what the person should be told about it. */
static char *
reload_figures (SummitStatisticsPage *self)
{
  g_autoptr(GPtrArray) stats = NULL;
  g_autoptr(GArray) derived = NULL;
  g_autoptr(GError) error = NULL;
  char *notes;

  if ((stats = summit_store_list_year_statistics (self->store, &error)) == NULL ||
      (derived = summit_store_derive_statistics (self->store, &error)) == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return NULL;
    }

  g_clear_pointer (&self->stats, g_ptr_array_unref);
  g_clear_pointer (&self->derived, g_array_unref);
  self->stats = g_steal_pointer (&stats);
  self->derived = g_steal_pointer (&derived);

  notes = rebuild_editor (self);
  summit_statistics_page_rebuild_chart (self);
  summit_participation_view_set_store (self->participation_view, self->store);
  gtk_stack_set_visible_child_name (self->stack, "figures");
  return notes;
}

static void
reload (SummitStatisticsPage *self)
{
  g_autofree char *notes = reload_figures (self);

  if (notes != NULL)
    summit_statistics_page_say (self, notes, TRUE);
}

static void
add_year_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SummitStatisticsPage *self = SUMMIT_STATISTICS_PAGE (widget);
  YearRow *row;

  if (self->store == NULL)
    return;
  row = add_row (self, NULL, 0);
  gtk_widget_grab_focus (row->year);
}

static void
adopt (SummitStatisticsPage *self,
       int                   year,
       SummitDerivedMeasure  measure)
{
  g_autoptr(GError) error = NULL;

  if (!summit_store_adopt_derived (self->store, year, measure, &error))
    {
      summit_statistics_page_say (self, error->message, TRUE);
      return;
    }
  {
    g_autofree char *notes = reload_figures (self);
    g_autofree char *message = g_strdup_printf (_("%d now records the figures counted from"
                                                  " the invitations; its source says so."),
                                                year);

    if (notes != NULL)
      {
        g_autofree char *both = g_strdup_printf ("%s %s", message, notes);

        summit_statistics_page_say (self, both, TRUE);
        return;
      }
    summit_statistics_page_say (self, message, FALSE);
  }
}

static void
adopt_confirmed_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  adopt (SUMMIT_STATISTICS_PAGE (widget), g_variant_get_int32 (parameter),
         SUMMIT_DERIVED_CONFIRMED);
}

static void
adopt_attended_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  adopt (SUMMIT_STATISTICS_PAGE (widget), g_variant_get_int32 (parameter),
         SUMMIT_DERIVED_ATTENDED);
}

/* Live updates ------------------------------------------------------------- */

static gboolean
editor_has_focus (SummitStatisticsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->editor_grid));
}

static gboolean
stale_editor_idle_cb (gpointer user_data)
{
  SummitStatisticsPage *self = user_data;

  self->stale_idle = 0;
  if (self->editor_stale && !editor_has_focus (self))
    reload (self);
  return G_SOURCE_REMOVE;
}

/* Changes that arrived while someone typed in the rows are shown once the
 * focus has left them: after the focus change, not inside it. */
static void
editor_focus_leave_cb (SummitStatisticsPage *self)
{
  if (self->editor_stale && self->stale_idle == 0)
    self->stale_idle = g_idle_add (stale_editor_idle_cb, self);
}

/* GObject ------------------------------------------------------------------ */

static gboolean
same_derived (GArray *x,
              GArray *y)
{
  if (x->len != y->len)
    return FALSE;
  for (guint i = 0; i < x->len; i++)
    {
      const SummitDerivedFigure *a = &g_array_index (x, SummitDerivedFigure, i);
      const SummitDerivedFigure *b = &g_array_index (y, SummitDerivedFigure, i);

      if (a->year != b->year || a->invitations != b->invitations ||
          a->overseas_confirmed != b->overseas_confirmed ||
          a->overseas_attended != b->overseas_attended ||
          a->domestic_confirmed != b->domestic_confirmed ||
          a->domestic_attended != b->domestic_attended ||
          a->unknown_confirmed != b->unknown_confirmed ||
          a->others_confirmed != b->others_confirmed ||
          g_strcmp0 (a->host_country, b->host_country) != 0)
        return FALSE;
    }
  return TRUE;
}

static void
summit_statistics_page_map (GtkWidget *widget)
{
  SummitStatisticsPage *self = SUMMIT_STATISTICS_PAGE (widget);
  g_autoptr(GArray) derived = NULL;

  GTK_WIDGET_CLASS (summit_statistics_page_parent_class)->map (widget);

  /* Invitations or position kinds may have changed on another page: count
   * again, and rebuild only if the counts moved (a rebuild drops unsaved rows). */
  if (self->store == NULL || self->derived == NULL ||
      (derived = summit_store_derive_statistics (self->store, NULL)) == NULL)
    return;
  if (!same_derived (derived, self->derived))
    reload (self);
}

static void
summit_statistics_page_dispose (GObject *object)
{
  SummitStatisticsPage *self = (SummitStatisticsPage *)object;

  summit_file_dialog_clear (&self->chooser, self);
  g_clear_handle_id (&self->stale_idle, g_source_remove);
  summit_widget_dispose_template (GTK_WIDGET (self), SUMMIT_TYPE_STATISTICS_PAGE);
  g_clear_object (&self->store);
  g_clear_pointer (&self->stats, g_ptr_array_unref);
  g_clear_pointer (&self->derived, g_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (summit_statistics_page_parent_class)->dispose (object);
}

static void
summit_statistics_page_class_init (SummitStatisticsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = summit_statistics_page_dispose;
  widget_class->map = summit_statistics_page_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/summit-statistics-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SummitStatisticsPage, chart_view);
  gtk_widget_class_bind_template_child (widget_class, SummitStatisticsPage, data_grid);
  gtk_widget_class_bind_template_child (widget_class, SummitStatisticsPage, counted_label);
  gtk_widget_class_bind_template_child (widget_class, SummitStatisticsPage, derived_check);
  gtk_widget_class_bind_template_child (widget_class, SummitStatisticsPage, editor_grid);
  gtk_widget_class_bind_template_child (widget_class, SummitStatisticsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, SummitStatisticsPage, from_spin);
  gtk_widget_class_bind_template_child (widget_class, SummitStatisticsPage, participation_view);
  gtk_widget_class_bind_template_child (widget_class, SummitStatisticsPage, message_label);
  gtk_widget_class_bind_template_child (widget_class, SummitStatisticsPage, range_warning);
  gtk_widget_class_bind_template_child (widget_class, SummitStatisticsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SummitStatisticsPage, to_spin);
  gtk_widget_class_bind_template_callback (widget_class, derived_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, range_changed_cb);

  gtk_widget_class_install_action (widget_class, "chart.export", "s",
                                   summit_statistics_page_export_action);
  gtk_widget_class_install_action (widget_class, "chart.copy-image", NULL,
                                   summit_statistics_page_copy_image_action);
  gtk_widget_class_install_action (widget_class, "chart.copy-table", NULL,
                                   summit_statistics_page_copy_table_action);
  gtk_widget_class_install_action (widget_class, "chart.print", NULL,
                                   summit_statistics_page_print_action);
  gtk_widget_class_install_action (widget_class, "statistics.press-kit", NULL,
                                   summit_statistics_page_press_kit_action);
  gtk_widget_class_install_action (widget_class, "statistics.add-year", NULL, add_year_action);
  gtk_widget_class_install_action (widget_class, "statistics.adopt-confirmed", "i",
                                   adopt_confirmed_action);
  gtk_widget_class_install_action (widget_class, "statistics.adopt-attended", "i",
                                   adopt_attended_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  g_type_ensure (SUMMIT_TYPE_CHART_VIEW);
  g_type_ensure (SUMMIT_TYPE_PARTICIPATION_VIEW);
}

static void
summit_statistics_page_init (SummitStatisticsPage *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new_with_free_func (year_row_free);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (editor_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->editor_grid), focus);
}

/**
 * summit_statistics_page_set_store:
 *
 * Shows the yearly figures of @store.
 */
void
summit_statistics_page_set_store (SummitStatisticsPage *self,
                                  SummitStore          *store)
{
  g_return_if_fail (SUMMIT_IS_STATISTICS_PAGE (self));
  g_return_if_fail (SUMMIT_IS_STORE (store));

  if (g_set_object (&self->store, store))
    {
      static const char * const changes[] = { "statistics.add-year", "statistics.adopt-confirmed",
                                              "statistics.adopt-attended", NULL };
      g_autofree char *refusal = summit_rights_refusal (store, SUMMIT_STORE_RIGHT_EDITIONS);

      /* Those who may not change the yearly figures see why; the chart
       * and its exports stay theirs. */
      for (guint i = 0; changes[i] != NULL; i++)
        gtk_widget_action_set_enabled (GTK_WIDGET (self), changes[i], refusal == NULL);
      summit_rights_explain_actions (GTK_WIDGET (self), changes, refusal);
      gtk_widget_set_sensitive (GTK_WIDGET (self->editor_grid), refusal == NULL);
      summit_rights_explain (GTK_WIDGET (self->editor_grid), refusal);
      g_ptr_array_set_size (self->rows, 0);   /* what was typed belongs to the other store */
      reload (self);
    }
}

static gboolean
same_stats (GPtrArray *x,
            GPtrArray *y)
{
  if (x->len != y->len)
    return FALSE;
  for (guint i = 0; i < x->len; i++)
    {
      SummitYearStatistic *a = g_ptr_array_index (x, i);
      SummitYearStatistic *b = g_ptr_array_index (y, i);

      if (summit_year_statistic_get_year (a) != summit_year_statistic_get_year (b) ||
          summit_year_statistic_get_kind (a) != summit_year_statistic_get_kind (b) ||
          summit_year_statistic_get_overseas (a) != summit_year_statistic_get_overseas (b) ||
          summit_year_statistic_get_lower_bound (a) != summit_year_statistic_get_lower_bound (b) ||
          summit_year_statistic_get_domestic (a) != summit_year_statistic_get_domestic (b) ||
          summit_year_statistic_get_countries (a) != summit_year_statistic_get_countries (b) ||
          g_strcmp0 (summit_year_statistic_get_source (a), summit_year_statistic_get_source (b)))
        return FALSE;
    }
  return TRUE;
}

/**
 * summit_statistics_page_refresh:
 *
 * Shows changes made elsewhere (another window or person) to the figures
 * or invitations: the chart and its table follow; the figures being edited
 * are rebuilt once nobody is typing in them, keeping what was typed and not
 * saved, and saying where it differs from a change made elsewhere.
 */
void
summit_statistics_page_refresh (SummitStatisticsPage *self)
{
  g_autoptr(GPtrArray) stats = NULL;
  g_autoptr(GArray) derived = NULL;

  g_return_if_fail (SUMMIT_IS_STATISTICS_PAGE (self));

  if (self->store == NULL || self->stats == NULL || self->derived == NULL)
    return;
  summit_participation_view_set_store (self->participation_view, self->store);
  if ((stats = summit_store_list_year_statistics (self->store, NULL)) == NULL ||
      (derived = summit_store_derive_statistics (self->store, NULL)) == NULL ||
      (same_stats (stats, self->stats) && same_derived (derived, self->derived)))
    return;

  if (!editor_has_focus (self))
    {
      reload (self);
      return;
    }
  /* The rows follow once the focus leaves them (editor_focus_leave_cb). */
  self->editor_stale = TRUE;
  g_clear_pointer (&self->stats, g_ptr_array_unref);
  g_clear_pointer (&self->derived, g_array_unref);
  self->stats = g_steal_pointer (&stats);
  self->derived = g_steal_pointer (&derived);
  summit_statistics_page_rebuild_chart (self);
}

/**
 * summit_statistics_page_get_store:
 *
 * Returns: (transfer none) (nullable): the store shown, %NULL until one is set
 */
SummitStore *
summit_statistics_page_get_store (SummitStatisticsPage *self)
{
  g_return_val_if_fail (SUMMIT_IS_STATISTICS_PAGE (self), NULL);
  return self->store;
}

/**
 * summit_statistics_page_set_year:
 * @year: the edition chosen in the header bar, 0 for the newest
 *
 * The edition the second chart and the press kit are of.
 */
void
summit_statistics_page_set_year (SummitStatisticsPage *self,
                                 int                   year)
{
  g_return_if_fail (SUMMIT_IS_STATISTICS_PAGE (self));

  self->year = year;
  summit_participation_view_set_year (self->participation_view, year);
}
