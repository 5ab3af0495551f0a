/* test-people.c — people and their invitations: what office staff rely on
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "summit-people.h"
#include "summit-people-model.h"
#include "summit-programme.h"
#include "summit-store-listing.h"
#include "summit-xml.h"
#include "test-util.h"

typedef struct
{
  char          *dir;
  SummitStore   *store;
  SummitEdition *edition;   /* 2020 */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = test_tmpdir_new ();
  path = test_store_location (f->dir, "people.db");
  f->store = summit_store_open_and_seed (path, &error);
  g_assert_no_error (error);
  f->edition = summit_store_get_edition (f->store, 2020, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->edition);
  g_clear_object (&f->store);
  test_tmpdir_free (f->dir);
}

static SummitPerson *
make_person (const char *given,
             const char *family,
             const char *city,
             const char *country)
{
  SummitPerson *person = summit_person_new ();

  summit_person_set_field (person, SUMMIT_PERSON_GIVEN_NAME, given);
  summit_person_set_field (person, SUMMIT_PERSON_FAMILY_NAME, family);
  summit_person_set_field (person, SUMMIT_PERSON_CITY, city);
  summit_person_set_field (person, SUMMIT_PERSON_COUNTRY, country);
  return person;
}

static gint64
add_person (Fixture    *f,
            const char *given,
            const char *family,
            const char *city,
            const char *country)
{
  g_autoptr(SummitPerson) person = make_person (given, family, city, country);
  g_autoptr(GError) error = NULL;

  summit_store_insert_person (f->store, person, &error);
  g_assert_no_error (error);
  g_assert_cmpint (summit_person_get_id (person), >, 0);
  return summit_person_get_id (person);
}

static gint64
count_rows (Fixture    *f,
            const char *sql)
{
  return test_store_count (f->store, sql);
}

static SummitInvitationStatus
status_of (Fixture *f,
           gint64   person_id)
{
  SummitInvitationStatus status = SUMMIT_N_STATUSES;
  g_autoptr(GError) error = NULL;

  g_assert_true (summit_store_get_invitation_status (f->store, person_id,
                                                     summit_edition_get_id (f->edition),
                                                     &status, &error));
  g_assert_no_error (error);
  return status;
}

static void
test_crud (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SummitPerson) got = NULL;
  g_autoptr(SummitPerson) again = NULL;
  gint64 id = add_person (f, "Anna", "Nowak", "Gdańsk", "PL");

  got = summit_store_get_person (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (summit_person_get_city (got), ==, "Gdańsk");
  g_assert_cmpstr (summit_person_get_country (got), ==, "PL");
  g_assert_cmpuint (strlen (summit_person_get_uid (got)), >, 0);

  summit_person_set_field (got, SUMMIT_PERSON_POSITION, "Mayor");
  summit_person_set_field (got, SUMMIT_PERSON_EMAIL, "anna.nowak@gdansk.example.pl");
  summit_person_set_field (got, SUMMIT_PERSON_TIMEZONE, "Europe/Warsaw");
  summit_store_update_person (f->store, got, &error);
  g_assert_no_error (error);

  again = summit_store_get_person (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (summit_person_get_position (again), ==, "Mayor");
  g_assert_cmpstr (summit_person_get_timezone (again), ==, "Europe/Warsaw");
  g_assert_cmpint (summit_person_get_updated (again), >=, summit_person_get_created (again));

  g_clear_object (&again);
  {
    g_autoptr(GPtrArray) deleted = summit_store_delete_people (f->store, &id, 1, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (deleted->len, ==, 1);
  }
  again = summit_store_get_person (f->store, id, &error);
  g_assert_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_NOT_FOUND);
  g_assert_null (again);
}

static void
test_validation (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(SummitPerson) person = make_person ("", "", "Lublin", "PL");
  g_autoptr(GError) error = NULL;
  SummitPersonField bad = SUMMIT_PERSON_N_FIELDS;
  gint64 before = count_rows (f, "SELECT count(*) FROM person");

  /* Name required: refused, and nothing written. */
  g_assert_false (summit_person_validate (person, &bad, &error));
  g_assert_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_INVALID);
  g_assert_cmpint (bad, ==, SUMMIT_PERSON_GIVEN_NAME);
  g_clear_error (&error);
  g_assert_false (summit_store_insert_person (f->store, person, &error));
  g_assert_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM person"), ==, before);

  /* A native-script name alone is a name. */
  summit_person_set_field (person, SUMMIT_PERSON_NATIVE_NAME, "柯文哲");
  g_assert_true (summit_person_validate (person, NULL, NULL));

  /* Email syntax. */
  summit_person_set_field (person, SUMMIT_PERSON_EMAIL, "m.sagan@lublin");
  g_assert_false (summit_person_validate_field (person, SUMMIT_PERSON_EMAIL, &error));
  g_assert_nonnull (strstr (error->message, "m.sagan@lublin"));
  g_clear_error (&error);
  g_assert_false (summit_email_is_valid ("a b@example.org"));
  g_assert_false (summit_email_is_valid ("@example.org"));
  g_assert_false (summit_email_is_valid ("anna@@example.org"));
  g_assert_true (summit_email_is_valid ("m.sagan@lublin.eu"));
  g_assert_true (summit_email_is_valid ("office+summit@taipei.gov.tw"));
  summit_person_set_field (person, SUMMIT_PERSON_EMAIL, "");
  g_assert_true (summit_person_validate_field (person, SUMMIT_PERSON_EMAIL, NULL));

  /* ISO 3166. */
  g_assert_true (summit_country_is_known ("TW"));
  g_assert_true (summit_country_is_known ("PL"));
  g_assert_false (summit_country_is_known ("XX"));
  g_assert_false (summit_country_is_known ("pl"));
  g_assert_cmpuint (g_strv_length ((char **)summit_country_list_codes ()), >, 240);
  summit_person_set_field (person, SUMMIT_PERSON_COUNTRY, "XX");
  g_assert_false (summit_person_validate (person, &bad, &error));
  g_assert_cmpint (bad, ==, SUMMIT_PERSON_COUNTRY);
  g_clear_error (&error);
  summit_person_set_field (person, SUMMIT_PERSON_COUNTRY, "PL");

  /* Time zones GTimeZone knows. */
  summit_person_set_field (person, SUMMIT_PERSON_TIMEZONE, "Mars/Olympus_Mons");
  g_assert_false (summit_store_insert_person (f->store, person, &error));
  g_assert_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Mars/Olympus_Mons"));
  g_clear_error (&error);
  summit_person_set_field (person, SUMMIT_PERSON_TIMEZONE, "Asia/Taipei");
  g_assert_true (g_strv_contains (summit_timezone_list (), "Asia/Taipei"));
  g_assert_true (g_strv_contains (summit_timezone_list (), "Europe/Warsaw"));

  g_assert_true (summit_store_insert_person (f->store, person, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM person"), ==, before + 1);
}

static void
test_transitions (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = NULL;
  SummitInvitationEvent *ev;
  gint64 edition = summit_edition_get_id (f->edition);
  gint64 id = add_person (f, "Anna", "Nowak", "Gdańsk", "PL");

  g_assert_true (summit_store_record_invitation (f->store, id, edition, SUMMIT_STATUS_INVITED,
                                                 SUMMIT_CHANNEL_EMAIL, NULL, 1000, &error));
  g_assert_no_error (error);

  /* Attended straight from invited is not a move the workflow allows. */
  g_assert_false (summit_store_record_invitation (f->store, id, edition, SUMMIT_STATUS_ATTENDED,
                                                  SUMMIT_CHANNEL_NONE, NULL, 2000, &error));
  g_assert_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (status_of (f, id), ==, SUMMIT_STATUS_INVITED);

  /* A reply that came by letter. */
  g_assert_true (summit_store_record_invitation (f->store, id, edition, SUMMIT_STATUS_CONFIRMED,
                                                 SUMMIT_CHANNEL_LETTER, "Letter of 3 July",
                                                 3000, &error));
  g_assert_true (summit_store_record_invitation (f->store, id, edition, SUMMIT_STATUS_ATTENDED,
                                                 SUMMIT_CHANNEL_IN_PERSON, NULL, 4000, &error));
  g_assert_no_error (error);

  history = summit_store_list_invitation_history (f->store, id, edition, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 3);
  ev = g_ptr_array_index (history, 0);
  g_assert_false (ev->has_old);
  g_assert_cmpint (ev->new_status, ==, SUMMIT_STATUS_INVITED);
  g_assert_cmpint (ev->channel, ==, SUMMIT_CHANNEL_EMAIL);
  g_assert_cmpint (ev->year, ==, 2020);
  ev = g_ptr_array_index (history, 1);
  g_assert_true (ev->has_old);
  g_assert_cmpint (ev->old_status, ==, SUMMIT_STATUS_INVITED);
  g_assert_cmpint (ev->new_status, ==, SUMMIT_STATUS_CONFIRMED);
  g_assert_cmpint (ev->channel, ==, SUMMIT_CHANNEL_LETTER);
  g_assert_cmpstr (ev->note, ==, "Letter of 3 July");
  g_assert_cmpint (ev->at, ==, 3000);
  ev = g_ptr_array_index (history, 2);
  g_assert_cmpint (ev->new_status, ==, SUMMIT_STATUS_ATTENDED);

  /* The history is append-only, in the file itself. */
  g_assert_false (summit_store_exec (f->store, "UPDATE invitation_event SET note = 'x'", &error));
  g_assert_nonnull (error);
}

static void
test_awaiting_reply (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) awaiting = NULL;
  gint64 edition = summit_edition_get_id (f->edition);
  gint64 day = 86400, now = 100 * 86400;
  gint64 recent = add_person (f, "Recent", "Invitee", "Kraków", "PL");
  gint64 oldest = add_person (f, "Oldest", "Invitee", "Vilnius", "LT");
  gint64 older = add_person (f, "Older", "Invitee", "Riga", "LV");
  gint64 answered = add_person (f, "Answered", "Invitee", "Tallinn", "EE");

  summit_store_record_invitation (f->store, recent, edition, SUMMIT_STATUS_INVITED,
                                  SUMMIT_CHANNEL_EMAIL, NULL, now - 3 * day, &error);
  summit_store_record_invitation (f->store, older, edition, SUMMIT_STATUS_INVITED,
                                  SUMMIT_CHANNEL_EMAIL, NULL, now - 20 * day, &error);
  summit_store_record_invitation (f->store, oldest, edition, SUMMIT_STATUS_INVITED,
                                  SUMMIT_CHANNEL_EMAIL, NULL, now - 40 * day, &error);
  summit_store_record_invitation (f->store, answered, edition, SUMMIT_STATUS_INVITED,
                                  SUMMIT_CHANNEL_EMAIL, NULL, now - 50 * day, &error);
  summit_store_record_invitation (f->store, answered, edition, SUMMIT_STATUS_DECLINED,
                                  SUMMIT_CHANNEL_PHONE, NULL, now - 30 * day, &error);
  g_assert_no_error (error);

  awaiting = summit_store_list_awaiting_reply (f->store, edition, 14, now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (awaiting->len, ==, 2);
  g_assert_cmpint (g_array_index (awaiting, SummitAwaitingReply, 0).person_id, ==, oldest);
  g_assert_cmpint (g_array_index (awaiting, SummitAwaitingReply, 0).since, ==, now - 40 * day);
  g_assert_cmpint (g_array_index (awaiting, SummitAwaitingReply, 1).person_id, ==, older);
  g_clear_pointer (&awaiting, g_array_unref);

  awaiting = summit_store_list_awaiting_reply (f->store, edition, 2, now, &error);
  g_assert_cmpuint (awaiting->len, ==, 3);
  g_assert_cmpint (g_array_index (awaiting, SummitAwaitingReply, 2).person_id, ==, recent);
}

static void
test_bulk_atomic (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 edition = summit_edition_get_id (f->edition);
  gint64 ids[3];
  guint counts[SUMMIT_N_STATUSES];
  gint64 events_before;

  ids[0] = add_person (f, "Anna", "Nowak", "Gdańsk", "PL");
  ids[1] = add_person (f, "Jan", "Kowalski", "Poznań", "PL");
  ids[2] = add_person (f, "Lin", "Chen", "Tainan", "TW");

  g_assert_true (summit_store_record_invitations (f->store, ids, 3, edition,
                                                  SUMMIT_STATUS_INVITED, SUMMIT_CHANNEL_EMAIL,
                                                  NULL, 0, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (status_of (f, ids[i]), ==, SUMMIT_STATUS_INVITED);

  /* One of them cannot be marked attended (not confirmed): nobody changes. */
  g_assert_true (summit_store_record_invitation (f->store, ids[0], edition,
                                                 SUMMIT_STATUS_CONFIRMED, SUMMIT_CHANNEL_EMAIL,
                                                 NULL, 0, &error));
  g_assert_true (summit_store_record_invitation (f->store, ids[2], edition,
                                                 SUMMIT_STATUS_CONFIRMED, SUMMIT_CHANNEL_EMAIL,
                                                 NULL, 0, &error));
  events_before = count_rows (f, "SELECT count(*) FROM invitation_event");
  g_assert_false (summit_store_record_invitations (f->store, ids, 3, edition,
                                                   SUMMIT_STATUS_ATTENDED, SUMMIT_CHANNEL_NONE,
                                                   NULL, 0, &error));
  g_assert_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Jan Kowalski"));
  g_clear_error (&error);
  g_assert_cmpint (status_of (f, ids[0]), ==, SUMMIT_STATUS_CONFIRMED);
  g_assert_cmpint (status_of (f, ids[2]), ==, SUMMIT_STATUS_CONFIRMED);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM invitation_event"), ==, events_before);

  /* The seed's three are confirmed for 2020 already. */
  g_assert_true (summit_store_count_statuses (f->store, edition, counts, &error));
  g_assert_cmpuint (counts[SUMMIT_STATUS_CONFIRMED], ==, 3 + 2);
  g_assert_cmpuint (counts[SUMMIT_STATUS_INVITED], ==, 1);
  g_assert_cmpuint (counts[SUMMIT_STATUS_DECLINED], ==, 0);
}

static void
test_delete_undo (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) deleted = NULL;
  g_autoptr(GPtrArray) panels = NULL;
  g_autoptr(GPtrArray) history = NULL;
  gint64 edition = summit_edition_get_id (f->edition);
  gint64 ko = summit_store_lookup_person (f->store, "seed-ko-wen-je", &error);
  gint64 anna = add_person (f, "Anna", "Nowak", "Gdańsk", "PL");
  gint64 ids[2] = { ko, anna };
  gint64 events_before, members_before;

  g_assert_no_error (error);
  summit_store_record_invitation (f->store, anna, edition, SUMMIT_STATUS_INVITED,
                                  SUMMIT_CHANNEL_EMAIL, "first", 1000, &error);
  summit_store_record_invitation (f->store, anna, edition, SUMMIT_STATUS_DECLINED,
                                  SUMMIT_CHANNEL_LETTER, "by letter", 2000, &error);
  g_assert_no_error (error);

  /* Dr. Ko opens the 2020 summit: his panel is named before a delete. */
  panels = summit_store_list_person_panels (f->store, ko, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (panels->len, >=, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (panels, 0), "2020: "));

  events_before = count_rows (f, "SELECT count(*) FROM invitation_event");
  members_before = count_rows (f, "SELECT count(*) FROM panel_member");

  deleted = summit_store_delete_people (f->store, ids, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (deleted->len, ==, 2);
  g_assert_cmpint (summit_deleted_person_get_id (g_ptr_array_index (deleted, 1)), ==, anna);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM person WHERE id IN (SELECT id FROM person"
                                  " WHERE uid = 'seed-ko-wen-je')"), ==, 0);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM invitation_event"), <, events_before);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM panel_member"), <, members_before);

  g_assert_true (summit_store_restore_people (f->store, deleted, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM invitation_event"), ==, events_before);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM panel_member"), ==, members_before);
  g_assert_cmpint (summit_store_lookup_person (f->store, "seed-ko-wen-je", &error), ==, ko);
  g_assert_cmpint (status_of (f, anna), ==, SUMMIT_STATUS_DECLINED);

  history = summit_store_list_invitation_history (f->store, anna, 0, &error);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpstr (((SummitInvitationEvent *)g_ptr_array_index (history, 1))->note, ==,
                   "by letter");

  /* Deleting someone who no longer exists changes nothing. */
  {
    gint64 gone[2] = { anna, 999999 };
    g_autoptr(GPtrArray) none = summit_store_delete_people (f->store, gone, 2, &error);
    g_assert_null (none);
    g_assert_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_NOT_FOUND);
    g_assert_cmpint (status_of (f, anna), ==, SUMMIT_STATUS_DECLINED);
  }
}

static void
test_duplicates (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) dups = NULL;
  g_autoptr(SummitPerson) twin = make_person ("anna", "NOWAK", "gdańsk", "PL");
  g_autoptr(SummitPerson) elsewhere = make_person ("Anna", "Nowak", "Poznań", "PL");
  gint64 anna = add_person (f, "Anna", "Nowak", "Gdańsk", "PL");

  dups = summit_store_find_duplicates (f->store, twin, &error);
  g_assert_no_error (error);
  /* Case does not hide a duplicate. */
  g_assert_cmpuint (dups->len, ==, 1);
  g_assert_cmpint (g_array_index (dups, gint64, 0), ==, anna);
  g_clear_pointer (&dups, g_array_unref);

  dups = summit_store_find_duplicates (f->store, elsewhere, &error);
  g_assert_cmpuint (dups->len, ==, 0);
  g_clear_pointer (&dups, g_array_unref);

  /* A person is not their own duplicate. */
  {
    g_autoptr(SummitPerson) self = summit_store_get_person (f->store, anna, &error);
    dups = summit_store_find_duplicates (f->store, self, &error);
    g_assert_cmpuint (dups->len, ==, 0);
  }
}

static void
test_new_edition (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SummitEdition) next = summit_edition_new (2021);
  g_autoptr(SummitEdition) again = summit_edition_new (2021);
  g_autoptr(GPtrArray) history = NULL;
  gint64 edition = summit_edition_get_id (f->edition);
  gint64 cancelled = add_person (f, "Cancelled", "Guest", "Oslo", "NO");
  gint64 ko = summit_store_lookup_person (f->store, "seed-ko-wen-je", &error);
  SummitInvitationStatus status;
  guint carried = 0;

  summit_store_record_invitation (f->store, cancelled, edition, SUMMIT_STATUS_CANCELLED,
                                  SUMMIT_CHANNEL_NONE, NULL, 0, &error);
  g_assert_no_error (error);

  summit_edition_set_host_country (next, "TW");
  g_assert_true (summit_store_create_edition (f->store, next, TRUE, &carried, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (carried, ==, 3);   /* the seed's three confirmed, not the cancelled */
  g_assert_true (summit_store_get_invitation_status (f->store, ko, summit_edition_get_id (next),
                                                     &status, &error));
  g_assert_cmpint (status, ==, SUMMIT_STATUS_DRAFT);
  g_assert_false (summit_store_get_invitation_status (f->store, cancelled,
                                                      summit_edition_get_id (next), &status,
                                                      &error));
  history = summit_store_list_invitation_history (f->store, ko, summit_edition_get_id (next),
                                                  &error);
  g_assert_cmpuint (history->len, ==, 1);
  g_assert_cmpstr (((SummitInvitationEvent *)g_ptr_array_index (history, 0))->note, ==,
                   "Carried over from 2020");

  /* The same year twice is refused, and changes nothing. */
  g_assert_false (summit_store_create_edition (f->store, again, TRUE, NULL, &error));
  g_assert_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_CONSTRAINT);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM invitation WHERE edition_id ="
                                  " (SELECT id FROM edition WHERE year = 2021)"), ==, 3);
}

static void
wait_ready (SummitPeopleModel *model)
{
  while (summit_people_model_is_busy (model))
    g_main_context_iteration (NULL, TRUE);
}

static char *
shown_names (SummitPeopleModel *model)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(SummitPeopleItem) item = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_string_append_printf (names, "%s%s", i ? "; " : "", summit_people_item_get_name (item));
    }
  return g_string_free (names, FALSE);
}

static void
count_changes_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  (*(guint *)user_data)++;
}

static void
test_model (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(SummitPeopleModel) model = summit_people_model_new ();
  g_autoptr(GError) error = NULL;
  gint64 edition = summit_edition_get_id (f->edition);
  gint64 anna = add_person (f, "Anna", "Żuraw", "Gdańsk", "PL");
  gint64 lin = add_person (f, "Lin", "Chen", "Tainan", "TW");
  guint counts[SUMMIT_N_STATUSES];
  guint changes = 0;
  char *names;

  g_signal_connect (model, "items-changed", G_CALLBACK (count_changes_cb), &changes);

  /* The first rows at once, the rest from a worker. */
  summit_people_model_load (model, f->store, edition, "TW", 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);
  wait_ready (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 5);
  names = shown_names (model);
  /* By family name: Bartoszewicz, Chen, Ko, Sagan, Żuraw (accents folded). */
  g_assert_cmpstr (names, ==, "Bartosz Bartoszewicz; Lin Chen; Ko Wen-je (柯文哲); Mariusz Sagan;"
                               " Anna Żuraw");
  g_free (names);

  /* Search in both scripts, ignoring case and accents. */
  summit_people_model_set_search (model, "柯文哲");
  wait_ready (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  {
    g_autoptr(SummitPeopleItem) ko = g_list_model_get_item (G_LIST_MODEL (model), 0);
    g_assert_cmpstr (summit_people_item_get_name (ko), ==, "Ko Wen-je (柯文哲)");
    g_assert_false (summit_people_item_is_overseas (ko));
  }
  summit_people_model_set_search (model, "ko wen-je");
  wait_ready (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  summit_people_model_set_search (model, "gdansk");
  wait_ready (model);
  names = shown_names (model);
  g_assert_cmpstr (names, ==, "Anna Żuraw");
  g_free (names);
  summit_people_model_set_search (model, "poland");   /* the country's name */
  wait_ready (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3);
  summit_people_model_set_search (model, "deputy mayor");
  wait_ready (model);
  names = shown_names (model);
  g_assert_cmpstr (names, ==, "Bartosz Bartoszewicz");
  g_free (names);
  summit_people_model_set_search (model, "");

  /* Filters. */
  summit_people_model_set_origin_filter (model, SUMMIT_PEOPLE_DOMESTIC);
  wait_ready (model);
  names = shown_names (model);
  g_assert_cmpstr (names, ==, "Lin Chen; Ko Wen-je (柯文哲)");
  g_free (names);
  summit_people_model_set_origin_filter (model, SUMMIT_PEOPLE_EVERYWHERE);
  summit_people_model_set_status_filter (model, SUMMIT_PEOPLE_STATUS_NONE);
  wait_ready (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);
  summit_people_model_set_status_filter (model, SUMMIT_PEOPLE_STATUS_ANY);
  summit_people_model_set_country_filter (model, "PL");
  wait_ready (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3);
  summit_people_model_set_country_filter (model, NULL);

  /* Sort by city, descending. */
  summit_people_model_set_sort (model, SUMMIT_PEOPLE_SORT_CITY, TRUE);
  wait_ready (model);
  names = shown_names (model);
  g_assert_cmpstr (names, ==, "Ko Wen-je (柯文哲); Lin Chen; Mariusz Sagan; Bartosz Bartoszewicz;"
                               " Anna Żuraw");
  g_free (names);

  /* A change on disk shows after a refresh, with the counts. */
  summit_store_record_invitation (f->store, lin, edition, SUMMIT_STATUS_INVITED,
                                  SUMMIT_CHANNEL_EMAIL, NULL, 0, &error);
  g_assert_no_error (error);
  changes = 0;
  summit_people_model_refresh (model, &lin, 1);
  wait_ready (model);
  g_assert_cmpuint (changes, ==, 1);
  summit_people_model_get_counts (model, counts);
  g_assert_cmpuint (counts[SUMMIT_STATUS_INVITED], ==, 1);
  g_assert_cmpuint (counts[SUMMIT_STATUS_CONFIRMED], ==, 3);
  summit_people_model_set_status_filter (model, SUMMIT_STATUS_INVITED);
  wait_ready (model);
  names = shown_names (model);
  g_assert_cmpstr (names, ==, "Lin Chen");
  g_free (names);
  summit_people_model_set_status_filter (model, SUMMIT_PEOPLE_STATUS_ANY);

  /* Deleted people leave the list; Undo brings them back. */
  {
    g_autoptr(GPtrArray) deleted = summit_store_delete_people (f->store, &anna, 1, &error);
    g_assert_no_error (error);
    summit_people_model_refresh (model, &anna, 1);
    wait_ready (model);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 4);
    g_assert_true (summit_store_restore_people (f->store, deleted, &error));
    summit_people_model_refresh (model, &anna, 1);
    wait_ready (model);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 5);
    g_assert_cmpuint (summit_people_model_get_n_people (model), ==, 5);
  }
}

/* "Last Change" is the invitation's latest event for the edition, not the
 * person's record: an invitation of 1 June 2020 says so after the person is
 * edited today, and sorts by it; people not invited have none and come last. */
static void
test_model_last_change (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(SummitPeopleModel) model = summit_people_model_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SummitPerson) anna = make_person ("Anna", "Adamska", "Opole", "PL");
  gint64 edition = summit_edition_get_id (f->edition);
  gint64 lin = add_person (f, "Lin", "Chen", "Tainan", "TW");
  const gint64 june_2020 = 1591002000;   /* 2020-06-01T09:00:00Z */
  const gint64 may_2019 = 1556701200;    /* 2019-05-01T09:00:00Z */
  g_autofree char *sql = NULL;
  gint64 ids[2];
  char *names;

  summit_store_insert_person (f->store, anna, &error);
  g_assert_no_error (error);
  g_assert_true (summit_store_record_invitation (f->store, summit_person_get_id (anna), edition,
                                                 SUMMIT_STATUS_INVITED, SUMMIT_CHANNEL_LETTER,
                                                 NULL, june_2020, &error));
  g_assert_no_error (error);
  /* Edited today: the record's own time is now. */
  summit_person_set_field (anna, SUMMIT_PERSON_EMAIL, "anna@opole.example.pl");
  g_assert_true (summit_store_update_person (f->store, anna, &error));
  g_assert_no_error (error);
  /* Another invitation, from the year before, for the same edition. */
  sql = g_strdup_printf (
    "INSERT INTO person (uid, given_name, family_name, city, country, created, updated)"
    " VALUES ('t-zofia', 'Zofia', 'Zych', 'Kraków', 'PL', 1, 2000000000);"
    "INSERT INTO invitation (person_id, edition_id, status, updated)"
    " SELECT id, %" G_GINT64_FORMAT ", 'invited', 1556701200 FROM person WHERE uid = 't-zofia';"
    "INSERT INTO invitation_event (invitation_id, at, new_status)"
    " SELECT i.id, 1556701200, 'invited' FROM invitation i JOIN person p ON p.id = i.person_id"
    " WHERE p.uid = 't-zofia';", edition);
  g_assert_true (summit_store_exec (f->store, sql, &error));
  g_assert_no_error (error);

  summit_people_model_load (model, f->store, edition, "TW", 0);
  wait_ready (model);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(SummitPeopleItem) item = g_list_model_get_item (G_LIST_MODEL (model), i);
      const char *name = summit_people_item_get_name (item);

      if (g_str_equal (name, "Anna Adamska"))
        g_assert_cmpint (summit_people_item_get_changed (item), ==, june_2020);
      else if (g_str_equal (name, "Zofia Zych"))
        g_assert_cmpint (summit_people_item_get_changed (item), ==, may_2019);
      else if (g_str_equal (name, "Lin Chen"))
        g_assert_cmpint (summit_people_item_get_changed (item), ==, 0);
    }

  summit_people_model_set_sort (model, SUMMIT_PEOPLE_SORT_CHANGED, FALSE);
  wait_ready (model);
  names = shown_names (model);
  /* The seeded invitations were stored today; Lin has none. */
  g_assert_true (g_str_has_prefix (names, "Zofia Zych; Anna Adamska; "));
  g_assert_true (g_str_has_suffix (names, "; Lin Chen"));
  g_free (names);

  /* Where people are shown, whatever the order: what keeps a selection. */
  ids[0] = lin;
  ids[1] = summit_person_get_id (anna);
  {
    g_autoptr(GArray) positions = summit_people_model_find_positions (model, ids, 2);
    g_assert_cmpuint (positions->len, ==, 2);
    g_assert_cmpuint (g_array_index (positions, guint, 0), ==, 1);
    g_assert_cmpuint (g_array_index (positions, guint, 1), ==, 5);
  }
  summit_people_model_set_search (model, "chen");
  wait_ready (model);
  {
    g_autoptr(GArray) positions = summit_people_model_find_positions (model, ids, 2);
    g_assert_cmpuint (positions->len, ==, 1);
    g_assert_cmpuint (g_array_index (positions, guint, 0), ==, 0);
  }
}

/* More people than one thread searches alone (summit-people-model.c splits
 * them above 150,000): the matches are the ones SQL finds. */
static void
test_model_many (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(SummitPeopleModel) model = summit_people_model_new ();
  g_autoptr(GError) error = NULL;

  /* 160,000 people: family names F0…F999, even ones in Gdańsk, odd in Taipei. */
  g_assert_true (summit_store_exec (f->store,
    "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 159999)"
    " INSERT INTO person (uid, given_name, family_name, city, country, created, updated)"
    " SELECT 'many-' || i, 'G' || i, 'F' || (i % 1000),"
    "        CASE i % 2 WHEN 0 THEN 'Gdańsk' ELSE 'Taipei' END,"
    "        CASE i % 2 WHEN 0 THEN 'PL' ELSE 'TW' END, 0, 0 FROM n", &error));
  g_assert_no_error (error);

  summit_people_model_load (model, f->store, summit_edition_get_id (f->edition), "TW", 0);
  wait_ready (model);
  g_assert_cmpuint (summit_people_model_get_n_people (model), ==, 160003);

  summit_people_model_set_search (model, "f123");
  wait_ready (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 160);
  summit_people_model_set_search (model, "f123 taipei");   /* 123 is odd: all in Taipei */
  wait_ready (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 160);
  summit_people_model_set_search (model, "f124 taipei");   /* and 124 in Gdańsk */
  wait_ready (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  summit_people_model_set_search (model, "gdansk");
  wait_ready (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 80000);
  summit_people_model_set_search (model, "");
  summit_people_model_set_origin_filter (model, SUMMIT_PEOPLE_OVERSEAS);
  wait_ready (model);
  g_assert_cmpint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==,
                   count_rows (f, "SELECT count(*) FROM person WHERE country NOT IN ('', 'TW')"));
}

typedef struct
{
  GPtrArray              *names;
  gboolean                invited;
  SummitInvitationStatus  status;
  gint64                  since;
} Listing;

static gboolean
collect_listing_cb (const SummitListingRow  *row,
                    gpointer                 user_data,
                    GError                 **error)
{
  Listing *listing = user_data;

  g_ptr_array_add (listing->names, g_strdup_printf ("%s %s", row->given_name, row->family_name));
  listing->invited = row->invited;
  listing->status = row->status;
  listing->since = row->since;
  return TRUE;
}

/* What the People list reads: a person with their invitation, or none. */
static void
test_listing (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  gint64 edition = summit_edition_get_id (f->edition);
  gint64 anna = add_person (f, "Anna", "Żuraw", "Gdańsk", "PL");
  Listing listing = { names, FALSE, 0, 0 };

  g_assert_true (summit_store_lookup_listing (f->store, edition, anna, collect_listing_cb,
                                              &listing, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (names->len, ==, 1);
  g_assert_cmpstr (names->pdata[0], ==, "Anna Żuraw");
  g_assert_false (listing.invited);

  g_assert_true (summit_store_record_invitations (f->store, &anna, 1, edition,
                                                  SUMMIT_STATUS_INVITED, SUMMIT_CHANNEL_NONE,
                                                  NULL, 0, &error));
  g_assert_no_error (error);
  g_ptr_array_set_size (names, 0);
  g_assert_true (summit_store_lookup_listing (f->store, edition, anna, collect_listing_cb,
                                              &listing, &error));
  g_assert_cmpuint (names->len, ==, 1);
  g_assert_true (listing.invited);
  g_assert_cmpint (listing.status, ==, SUMMIT_STATUS_INVITED);
  g_assert_cmpint (listing.since, >, 0);

  /* Nobody with that id: no record, and no error. */
  g_ptr_array_set_size (names, 0);
  g_assert_true (summit_store_lookup_listing (f->store, edition, anna + 1000, collect_listing_cb,
                                              &listing, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (names->len, ==, 0);

  /* The first by family name, as the list shows them first; then everyone. */
  g_assert_true (summit_store_foreach_listing_by_name (f->store, edition, 1, collect_listing_cb,
                                                       &listing, &error));
  g_assert_cmpuint (names->len, ==, 1);
  g_assert_cmpstr (names->pdata[0], ==, "Bartosz Bartoszewicz");
  g_ptr_array_set_size (names, 0);
  g_assert_true (summit_store_foreach_listing (f->store, edition, collect_listing_cb, &listing,
                                               &error));
  g_assert_no_error (error);
  g_assert_cmpuint (names->len, ==, 4);
  g_assert_cmpstr (names->pdata[3], ==, "Anna Żuraw");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/core/people/crud", test_crud);
  ADD ("/core/people/validation", test_validation);
  ADD ("/core/people/duplicates-by-name-and-city", test_duplicates);
  ADD ("/core/invitations/transitions-and-history", test_transitions);
  ADD ("/core/invitations/awaiting-reply-oldest-first", test_awaiting_reply);
  ADD ("/core/invitations/bulk-change-is-atomic", test_bulk_atomic);
  ADD ("/core/people/delete-and-undo", test_delete_undo);
  ADD ("/core/people-model/search-filter-sort-refresh", test_model);
  ADD ("/core/people-model/search-many", test_model_many);
  ADD ("/core/people-model/last-change-is-the-invitations", test_model_last_change);
  ADD ("/core/store/listing/person-with-invitation", test_listing);
  ADD ("/core/editions/new-with-carry-over", test_new_edition);
#undef ADD

  return g_test_run ();
}
