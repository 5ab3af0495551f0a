/* summit-place-chooser.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A button that picks a country or a time zone from a searchable list, each
 * shown by its name in the user's language ("Polska (PL)", "Warszawa
 * (Europe/Warsaw)") and found by any of its words, English or translated.
 * It stands in for GtkDropDown's search, which in GTK 4.8 matches only the
 * start of the whole label.
 */
#define G_LOG_DOMAIN "summit-place-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "summit-people.h"
#include "summit-people-model.h"
#include "summit-place-chooser.h"
#include "summit-places.h"

struct _SummitPlaceChooser
{
  GtkBox           parent_instance;

  /* Template widgets */
  GtkMenuButton   *button;
  GtkLabel        *button_label;
  GtkPopover      *popover;
  GtkSearchEntry  *search_entry;
  GtkListView     *list_view;

  /* Owned */
  SummitPlaceKind  kind;
  char            *title;
  char            *none_label;  /* the empty choice's label; NULL: "None" */
  char            *value;
  GHashTable      *choices;    /* the places offered; NULL: all */
  char            *query;
  GHashTable      *labels;     /* id → label */
  GHashTable      *keywords;   /* id → search words */
  GHashTable      *names;      /* id → the name shown, folded */
  char            *folded_query;
  GtkFilter       *filter;
  GtkSorter       *sorter;
  GtkSortListModel *found;     /* the filtered list, best first */
};

G_DEFINE_ENUM_TYPE (SummitPlaceKind, summit_place_kind,
                    G_DEFINE_ENUM_VALUE (SUMMIT_PLACE_COUNTRY, "country"),
                    G_DEFINE_ENUM_VALUE (SUMMIT_PLACE_ZONE, "zone"))

G_DEFINE_FINAL_TYPE (SummitPlaceChooser, summit_place_chooser, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_KIND,
  PROP_TITLE,
  PROP_NONE_LABEL,
  PROP_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ACTIVATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Auxiliary methods */

static char *
label_for (SummitPlaceChooser *self,
           const char         *id)
{
  const char *name;

  if (*id == '\0')
    return g_strdup (self->none_label ? self->none_label : _("None"));
  if (self->kind == SUMMIT_PLACE_COUNTRY)
    name = summit_places_country_name (id, NULL);
  else
    name = summit_places_zone_city (id, NULL);
  if (name == NULL || g_str_equal (name, id))
    return g_strdup (id);
  /* Translators: a country or a time zone in a list: "Poland (PL)", "Warsaw (Europe/Warsaw)" */
  return g_strdup_printf (_("%s (%s)"), name, id);
}

static const char *
cached_label (SummitPlaceChooser *self,
              const char         *id)
{
  char *label = g_hash_table_lookup (self->labels, id);

  if (label == NULL)
    {
      label = label_for (self, id);
      g_hash_table_insert (self->labels, g_strdup (id), label);
    }
  return label;
}

static gboolean
filter_func (gpointer item,
             gpointer data)
{
  SummitPlaceChooser *self = data;
  const char *id = gtk_string_object_get_string (item);
  const char *words;

  if (self->choices != NULL && *id != '\0' && !g_hash_table_contains (self->choices, id))
    return FALSE;
  if (self->query == NULL || *self->query == '\0')
    return TRUE;
  if (*id == '\0')
    return FALSE;
  words = g_hash_table_lookup (self->keywords, id);
  return words != NULL && summit_places_keywords_match (words, self->query);
}

/* Places whose name begins with what was typed come first ("pol": Polska
 * before Polinezja Francuska's neighbours in the alphabet); the rest keep
 * the list's order. */
static int
rank (SummitPlaceChooser *self,
      const char         *id)
{
  const char *name = g_hash_table_lookup (self->names, id);

  if (self->folded_query == NULL || *self->folded_query == '\0')
    return 0;
  if (name != NULL && g_str_has_prefix (name, self->folded_query))
    return 0;
  return 1;
}

static int
compare_rank (gconstpointer a,
              gconstpointer b,
              gpointer      data)
{
  SummitPlaceChooser *self = data;

  return rank (self, gtk_string_object_get_string ((GtkStringObject *)a))
         - rank (self, gtk_string_object_get_string ((GtkStringObject *)b));
}

static int
compare_labels (gconstpointer a,
                gconstpointer b,
                gpointer      data)
{
  GHashTable *keys = data;

  return g_strcmp0 (g_hash_table_lookup (keys, *(const char * const *)a),
                    g_hash_table_lookup (keys, *(const char * const *)b));
}

/* The ids in the list: countries sorted by their name as shown, zones by id. */
static GtkStringList *
build_items (SummitPlaceChooser *self)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  const char * const *all = self->kind == SUMMIT_PLACE_COUNTRY ? summit_country_list_codes ()
                                                               : summit_timezone_list ();
  GtkStringList *items = gtk_string_list_new (NULL);

  for (guint i = 0; all[i]; i++)
    {
      const char *name = self->kind == SUMMIT_PLACE_COUNTRY ? summit_places_country_name (all[i], NULL)
                                                           : summit_places_zone_city (all[i], NULL);

      g_ptr_array_add (ids, (gpointer)all[i]);
      g_hash_table_insert (self->names, g_strdup (all[i]), summit_people_fold (name ? name : all[i]));
      g_hash_table_insert (self->keywords, g_strdup (all[i]),
                           self->kind == SUMMIT_PLACE_COUNTRY
                             ? summit_places_country_keywords (all[i])
                             : summit_places_zone_keywords (all[i]));
    }
  if (self->kind == SUMMIT_PLACE_COUNTRY)
    {
      g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
      for (guint i = 0; i < ids->len; i++)
        g_hash_table_insert (keys, ids->pdata[i],
                             g_utf8_collate_key (cached_label (self, ids->pdata[i]), -1));
      g_ptr_array_sort_with_data (ids, compare_labels, keys);
    }
  gtk_string_list_append (items, "");
  for (guint i = 0; i < ids->len; i++)
    gtk_string_list_append (items, ids->pdata[i]);
  return items;
}

static void
update_button (SummitPlaceChooser *self)
{
  const char *label = cached_label (self, self->value);
  g_autofree char *description = g_strdup_printf ("%s: %s", self->title ? self->title : "", label);

  gtk_label_set_label (self->button_label, label);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), description);
}

static void
pick (SummitPlaceChooser *self,
      guint               position)
{
  g_autoptr(GtkStringObject) item = g_list_model_get_item (G_LIST_MODEL (self->found), position);

  if (item == NULL)
    return;
  gtk_popover_popdown (self->popover);
  summit_place_chooser_set_value (self, gtk_string_object_get_string (item));
}

/* Callbacks */

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         SummitPlaceChooser       *self)
{
  GtkStringObject *item = gtk_list_item_get_item (list_item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (list_item)),
                       cached_label (self, gtk_string_object_get_string (item)));
}

static void
popover_show_cb (SummitPlaceChooser *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
search_changed_cb (SummitPlaceChooser *self)
{
  g_free (self->query);
  self->query = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  g_free (self->folded_query);
  self->folded_query = summit_people_fold (g_strstrip (g_strdup (self->query)));
  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
  gtk_sorter_changed (self->sorter, GTK_SORTER_CHANGE_DIFFERENT);
}

/* Enter takes the first place found. */
static void
search_activate_cb (SummitPlaceChooser *self)
{
  search_changed_cb (self);
  pick (self, 0);
}

static void
stop_search_cb (SummitPlaceChooser *self)
{
  gtk_popover_popdown (self->popover);
}

static void
list_activate_cb (SummitPlaceChooser *self,
                  guint               position)
{
  pick (self, position);
}

/* Down from the search field goes to the list. */
static gboolean
search_key_cb (GtkEventControllerKey *controller,
               guint                  keyval,
               guint                  keycode,
               GdkModifierType        state,
               SummitPlaceChooser    *self)
{
  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return GDK_EVENT_PROPAGATE;
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
  return GDK_EVENT_STOP;
}

/* Activating the chooser (its row in a list, or a mnemonic) opens the list. */
static void
summit_place_chooser_activate (SummitPlaceChooser *self)
{
  gtk_menu_button_popup (self->button);
}

/* GObject overrides */

static void
summit_place_chooser_constructed (GObject *object)
{
  SummitPlaceChooser *self = SUMMIT_PLACE_CHOOSER (object);
  g_autoptr(GtkStringList) items = NULL;
  GtkSingleSelection *selection;

  G_OBJECT_CLASS (summit_place_chooser_parent_class)->constructed (object);

  items = build_items (self);
  self->filter = GTK_FILTER (gtk_custom_filter_new (filter_func, self, NULL));
  self->sorter = GTK_SORTER (gtk_custom_sorter_new (compare_rank, self, NULL));
  self->found = gtk_sort_list_model_new (
    G_LIST_MODEL (gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (items)),
                                             g_object_ref (self->filter))),
    g_object_ref (self->sorter));
  selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->found)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  update_button (self);
}

static void
summit_place_chooser_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SUMMIT_TYPE_PLACE_CHOOSER);
  G_OBJECT_CLASS (summit_place_chooser_parent_class)->dispose (object);
}

static void
summit_place_chooser_finalize (GObject *object)
{
  SummitPlaceChooser *self = SUMMIT_PLACE_CHOOSER (object);

  g_clear_object (&self->found);
  g_clear_object (&self->sorter);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->labels, g_hash_table_unref);
  g_clear_pointer (&self->keywords, g_hash_table_unref);
  g_clear_pointer (&self->names, g_hash_table_unref);
  g_clear_pointer (&self->choices, g_hash_table_unref);
  g_free (self->folded_query);
  g_free (self->none_label);
  g_free (self->title);
  g_free (self->value);
  g_free (self->query);
  G_OBJECT_CLASS (summit_place_chooser_parent_class)->finalize (object);
}

static void
summit_place_chooser_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SummitPlaceChooser *self = SUMMIT_PLACE_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_NONE_LABEL:
      g_value_set_string (value, self->none_label);
      break;
    case PROP_VALUE:
      g_value_set_string (value, self->value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
summit_place_chooser_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  SummitPlaceChooser *self = SUMMIT_PLACE_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    case PROP_TITLE:
      g_free (self->title);
      self->title = g_value_dup_string (value);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, self->title ? self->title : "",
                                      -1);
      g_object_set (self->search_entry, "placeholder-text", self->title, NULL);
      break;
    case PROP_NONE_LABEL:
      g_free (self->none_label);
      self->none_label = g_value_dup_string (value);
      g_hash_table_remove (self->labels, "");
      update_button (self);
      g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_VALUE:
      summit_place_chooser_set_value (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
summit_place_chooser_class_init (SummitPlaceChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = summit_place_chooser_constructed;
  object_class->dispose = summit_place_chooser_dispose;
  object_class->finalize = summit_place_chooser_finalize;
  object_class->get_property = summit_place_chooser_get_property;
  object_class->set_property = summit_place_chooser_set_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, SUMMIT_TYPE_PLACE_KIND, SUMMIT_PLACE_COUNTRY,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_NONE_LABEL] =
    g_param_spec_string ("none-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_VALUE] =
    g_param_spec_string ("value", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ACTIVATE] =
    g_signal_new_class_handler ("activate", G_TYPE_FROM_CLASS (klass),
                                G_SIGNAL_RUN_FIRST | G_SIGNAL_ACTION,
                                G_CALLBACK (summit_place_chooser_activate),
                                NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_activate_signal (widget_class, signals[ACTIVATE]);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/summit-place-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, SummitPlaceChooser, button);
  gtk_widget_class_bind_template_child (widget_class, SummitPlaceChooser, button_label);
  gtk_widget_class_bind_template_child (widget_class, SummitPlaceChooser, list_view);
  gtk_widget_class_bind_template_child (widget_class, SummitPlaceChooser, popover);
  gtk_widget_class_bind_template_child (widget_class, SummitPlaceChooser, search_entry);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
}

static void
summit_place_chooser_init (SummitPlaceChooser *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->value = g_strdup ("");
  self->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->keywords = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);

  g_signal_connect (keys, "key-pressed", G_CALLBACK (search_key_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
}

/* Public API */

/**
 * summit_place_chooser_get_value:
 *
 * Returns: (transfer none): the chosen country code or zone id, "" for none
 */
const char *
summit_place_chooser_get_value (SummitPlaceChooser *self)
{
  g_return_val_if_fail (SUMMIT_IS_PLACE_CHOOSER (self), "");

  return self->value;
}

/**
 * summit_place_chooser_set_value:
 * @value: (nullable): a country code or zone id; one the list lacks (an old
 *   record's) is shown as it is, so that validation can say what is wrong
 */
void
summit_place_chooser_set_value (SummitPlaceChooser *self,
                                const char         *value)
{
  g_return_if_fail (SUMMIT_IS_PLACE_CHOOSER (self));

  if (value == NULL)
    value = "";
  if (g_strcmp0 (self->value, value) == 0)
    return;
  g_free (self->value);
  self->value = g_strdup (value);
  update_button (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

/**
 * summit_place_chooser_set_choices:
 * @ids: (nullable) (array zero-terminated=1): the places to offer, besides
 *   the empty choice; NULL offers every place
 *
 * Narrows the list, e.g. a filter to the countries its people come from.
 * The value is left as it is.
 */
void
summit_place_chooser_set_choices (SummitPlaceChooser *self,
                                  const char * const *ids)
{
  g_return_if_fail (SUMMIT_IS_PLACE_CHOOSER (self));

  g_clear_pointer (&self->choices, g_hash_table_unref);
  if (ids != NULL)
    {
      self->choices = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; ids[i]; i++)
        g_hash_table_add (self->choices, g_strdup (ids[i]));
    }
  if (self->filter != NULL)
    gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
}
