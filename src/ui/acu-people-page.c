/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-people-page"

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>

#include "acu-catalogue.h"
#include "acu-confidential.h"
#include "acu-date.h"
#include "acu-fit-list.h"
#include "acu-food-access-dialog.h"
#include "acu-people-model.h"
#include "acu-people-page.h"
#include "acu-ui-util.h"
#include "acu-visits.h"

/* People and households: a list that pages from the store, and the
 * household of the person chosen: members, contact, note, visits; add,
 * edit and move members, merge two households. */

#define VISITS_PAGE 20

struct _AcuPeoplePage
{
  AcuPage              parent_instance;

  GtkSearchEntry      *search_entry;
  GtkListView         *people_view;
  GtkStack            *detail_stack;
  AdwPreferencesGroup *members_group;
  AdwEntryRow         *address_row;
  AdwComboRow         *commune_row;
  AdwComboRow         *housing_row;
  AdwActionRow        *food_access_row;
  GtkWidget           *food_access_arrow;
  AdwEntryRow         *phone_row;
  AdwEntryRow         *email_row;
  AdwEntryRow         *worker_row;
  GtkTextView         *note_view;
  GtkLabel            *household_error;
  GtkWidget           *save_button;
  GtkListView         *visits_view;
  GListStore          *visits;             /* AcuVisit, the pages shown */
  GtkButton           *more_button;
  AdwPreferencesGroup *confidential_group;
  GtkWidget           *confidential_buttons;
  GtkWidget           *read_confidential_button;

  AcuPeopleModel      *model;              /* the search results */
  GtkListView         *members_view;
  GListStore          *members;            /* AcuPerson, rows in acu-member-row.ui */
  GPtrArray           *confidential_rows;
  GPtrArray           *communes;
  gint64               household_id;
  guint                visits_shown;
};

G_DEFINE_FINAL_TYPE (AcuPeoplePage, acu_people_page, ACU_TYPE_PAGE)

static void refresh_household (AcuPeoplePage *self);
static void show_food_access (AcuPeoplePage *self);

static void
show_household (AcuPeoplePage *self,
                gint64         household_id)
{
  self->household_id = household_id;
  refresh_household (self);
}

typedef enum
{
  PERSON_DIALOG_ADD,
  PERSON_DIALOG_EDIT,
} PersonDialogKind;

/* What the member's form shows: dates as the desk types them */
typedef struct
{
  const char  *first;
  const char  *last;
  const char  *birth;
  AcuGender    gender;
  const char  *informed;
  AcuTristate  sensitive[ACU_SENSITIVE_N];
} PersonFields;

static void open_person_dialog (AcuPeoplePage       *self,
                                PersonDialogKind     kind,
                                gint64               person_id,
                                const PersonFields  *fields,
                                const char          *error_message);

/* The list */

/* Its rows are declared in acu-people-page.ui: "Household no. 12 · Auch" */
static char *
person_details_cb (GtkListItem *item,
                   gint64       household_id,
                   const char  *commune,
                   gpointer     user_data)
{
  if (commune != NULL)
    return g_strdup_printf (_("Household no. %lld · %s"), (long long) household_id, commune);
  return g_strdup_printf (_("Household no. %lld"), (long long) household_id);
}

static void
search_changed_cb (AcuPeoplePage *self)
{
  g_autofree char *query = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

  acu_people_model_set_query (self->model, query);
}

static void
person_activated_cb (AcuPeoplePage *self,
                     guint          position)
{
  g_autoptr(AcuPerson) person = g_list_model_get_item (G_LIST_MODEL (self->model), position);

  if (person != NULL)
    show_household (self, acu_person_get_household_id (person));
}

static void
search_activate_cb (AcuPeoplePage *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
    person_activated_cb (self, 0);
}

/* The household */

/* "born 25/03/1977 · Man · informed on 22/05/2025" */
static char *
member_details_cb (GtkListItem *item,
                   const char  *birth_date,
                   AcuGender    gender,
                   const char  *informed_on,
                   gpointer     user_data)
{
  GString *details = g_string_new (NULL);

  if (birth_date != NULL)
    {
      g_autofree char *born = acu_date_to_display (birth_date);

      g_string_append_printf (details, _("born %s"), born);
    }
  else
    g_string_append (details, _("birth date not known"));
  g_string_append_printf (details, " · %s", acu_gender_get_label (gender));
  g_string_append (details, " · ");
  if (informed_on != NULL)
    {
      g_autofree char *informed = acu_date_to_display (informed_on);

      g_string_append_printf (details, _("informed on %s"), informed);
    }
  else
    g_string_append (details, _("not yet informed of the processing"));
  return g_string_free (details, FALSE);
}

/* The member of a row's button (people.edit-member, people.move-member
 * with the person's id), read again from the store */
static AcuPerson *
member_of_action (AcuPeoplePage *self,
                  GVariant      *parameter)
{
  AcuStore *store = acu_page_get_store (ACU_PAGE (self));
  g_autoptr(GError) error = NULL;
  AcuPerson *person;

  if (store == NULL)
    return NULL;
  person = acu_person_get (store, g_variant_get_int64 (parameter), &error);
  if (person == NULL)
    acu_page_show_toast (ACU_PAGE (self), error->message);
  return person;
}

static void
edit_member_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AcuPeoplePage *self = ACU_PEOPLE_PAGE (widget);
  g_autoptr(AcuPerson) person = member_of_action (self, parameter);
  g_autofree char *birth = NULL;
  g_autofree char *informed = NULL;
  PersonFields fields = { 0 };

  if (person == NULL)
    return;
  birth = acu_date_to_display (acu_person_get_birth_date (person));
  informed = acu_date_to_display (acu_person_get_informed_on (person));
  fields = (PersonFields) {
    .first = acu_person_get_first_name (person), .last = acu_person_get_last_name (person),
    .birth = birth, .gender = acu_person_get_gender (person), .informed = informed,
  };
  for (AcuSensitive f = 0; f < ACU_SENSITIVE_N; f++)
    fields.sensitive[f] = acu_person_get_sensitive (person, f);
  open_person_dialog (self, PERSON_DIALOG_EDIT, acu_person_get_id (person), &fields, NULL);
}

static gboolean
parse_household_number (const char *text,
                        gint64     *number)
{
  g_autofree char *clean = g_strstrip (g_strdup (text));
  const char *p = clean;
  char *end = NULL;

  *number = 0;
  if (*p == '#')
    p++;
  if (*p == '\0')
    return TRUE;
  *number = g_ascii_strtoll (p, &end, 10);
  return end != NULL && *end == '\0' && *number > 0;
}

static void
move_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  AcuPeoplePage    *self)
{
  AcuStore *store = acu_page_get_store (ACU_PAGE (self));
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  AcuPerson *person = g_object_get_data (G_OBJECT (dialog), "person");
  g_autoptr(GError) error = NULL;
  gint64 target, new_id = 0;

  if (!g_str_equal (response, "move") || store == NULL)
    return;
  if (!parse_household_number (gtk_editable_get_text (entry), &target))
    {
      acu_page_show_toast (ACU_PAGE (self), _("The household number is made of digits only."));
      return;
    }
  if (!acu_person_move (store, acu_person_get_id (person), target, &new_id, &error))
    {
      acu_page_show_toast (ACU_PAGE (self), error->message);
      return;
    }
  {
    g_autofree char *name = acu_person_dup_display_name (person);
    g_autofree char *message = g_strdup_printf (_("%s moved to household no. %lld."), name, (long long) new_id);

    acu_page_show_toast (ACU_PAGE (self), message);
  }
  show_household (self, new_id);
}

/* A dialog that asks for a household number: @response with @label and
 * @appearance next to Cancel; its extra child is the entry */
static AdwMessageDialog *
household_number_dialog_new (AcuPeoplePage         *self,
                             const char            *heading,
                             const char            *body,
                             const char            *placeholder,
                             const char            *response,
                             const char            *label,
                             AdwResponseAppearance  appearance)
{
  GtkWidget *entry = gtk_entry_new ();
  AdwMessageDialog *dialog;

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_DIGITS);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       heading, body));
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), response, label, NULL);
  adw_message_dialog_set_response_appearance (dialog, response, appearance);
  if (appearance != ADW_RESPONSE_DESTRUCTIVE)
    adw_message_dialog_set_default_response (dialog, response);
  adw_message_dialog_set_close_response (dialog, "cancel");
  return dialog;
}

static void
move_member_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AcuPeoplePage *self = ACU_PEOPLE_PAGE (widget);
  g_autoptr(AcuPerson) person = member_of_action (self, parameter);
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  if (person == NULL)
    return;
  name = acu_person_dup_display_name (person);
  heading = g_strdup_printf (_("Move %s"), name);
  dialog = household_number_dialog_new (self, heading,
                                        _("Type the number of the household this person now lives in, "
                                          "or leave it empty to give them a household of their own. "
                                          "Their visits go with them."),
                                        _("Household number (empty: a new household)"),
                                        "move", _("_Move"), ADW_RESPONSE_SUGGESTED);
  g_object_set_data_full (G_OBJECT (dialog), "person", g_object_ref (person), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (move_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
load_visits (AcuPeoplePage *self,
             gboolean       append)
{
  g_autoptr(GPtrArray) visits = NULL;

  if (!append)
    {
      g_list_store_remove_all (self->visits);
      self->visits_shown = 0;
    }
  visits = acu_visit_list_household (acu_page_get_store (ACU_PAGE (self)), self->household_id, self->visits_shown, VISITS_PAGE, NULL);
  if (visits != NULL)
    g_list_store_splice (self->visits, self->visits_shown, 0, visits->pdata, visits->len);
  self->visits_shown += visits ? visits->len : 0;
  gtk_widget_set_visible (GTK_WIDGET (self->more_button), visits != NULL && visits->len == VISITS_PAGE);
}

/* Confidential notes: everyone sees that they exist; only staff and
 * coordinators identified with their password read them, on demand (the
 * reading is recorded) */
static void
remove_confidential_rows (AcuPeoplePage *self)
{
  for (guint i = 0; i < self->confidential_rows->len; i++)
    adw_preferences_group_remove (self->confidential_group, g_ptr_array_index (self->confidential_rows, i));
  g_ptr_array_set_size (self->confidential_rows, 0);
}

static void
show_confidential (AcuPeoplePage *self,
                   GStrv          texts)
{
  AcuStore *store = acu_page_get_store (ACU_PAGE (self));
  g_autoptr(GPtrArray) notes = NULL;
  gboolean may_read;

  remove_confidential_rows (self);
  if (store == NULL || self->household_id == 0)
    return;
  may_read = acu_store_is_identified (store) && acu_store_get_role (store) >= ACU_ROLE_STAFF
             && acu_store_has_confidential_key (store);
  gtk_widget_set_visible (self->confidential_buttons, may_read);
  notes = acu_confidential_list (store, self->household_id, NULL);
  gtk_widget_set_sensitive (self->read_confidential_button, notes != NULL && notes->len > 0 && texts == NULL);
  if (notes == NULL || notes->len == 0)
    adw_preferences_group_set_description (self->confidential_group, _("No confidential note."));
  else if (may_read)
    adw_preferences_group_set_description (self->confidential_group,
                                           _("Social situation, for staff and coordinators only. Reading them is "
                                             "recorded in the audit log."));
  else
    adw_preferences_group_set_description (self->confidential_group,
                                           _("Only staff and coordinators identified with their password can read "
                                             "them."));
  for (guint i = 0; notes != NULL && i < notes->len; i++)
    {
      AcuConfidentialNote *note = g_ptr_array_index (notes, i);
      g_autoptr(GDateTime) at = g_date_time_new_from_unix_local (note->written_at);
      g_autofree char *when = g_date_time_format (at, "%d/%m/%Y %H:%M");
      g_autofree char *title = g_strdup_printf (_("Written by %s on %s"), note->written_by ? note->written_by : "—",
                                                when);
      g_autofree char *escaped = g_markup_escape_text (title, -1);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      if (texts != NULL && i < g_strv_length (texts))
        {
          g_autofree char *text = g_markup_escape_text (texts[i], -1);

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
          adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
          gtk_widget_set_name (row, "confidential-text");
        }
      else
        adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "changes-prevent-symbolic");
      adw_preferences_group_add (self->confidential_group, row);
      g_ptr_array_add (self->confidential_rows, row);
    }
}

static void
read_confidential_clicked_cb (AcuPeoplePage *self)
{
  AcuStore *store = acu_page_get_store (ACU_PAGE (self));
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) texts = NULL;

  if (store == NULL || self->household_id == 0)
    return;
  texts = acu_confidential_read (store, self->household_id, &error);
  if (texts == NULL)
    {
      acu_page_show_toast (ACU_PAGE (self), error->message);
      return;
    }
  show_confidential (self, texts);
  /* The rows hold their copy; this one is wiped before it is freed */
  for (guint i = 0; texts[i] != NULL; i++)
    sodium_memzero (texts[i], strlen (texts[i]));
}

static void
add_confidential_response_cb (AdwMessageDialog *dialog,
                              const char       *response,
                              AcuPeoplePage    *self)
{
  AcuStore *store = acu_page_get_store (ACU_PAGE (self));
  GtkWidget *frame = adw_message_dialog_get_extra_child (dialog);
  GtkTextView *view = GTK_TEXT_VIEW (gtk_frame_get_child (GTK_FRAME (frame)));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  /* The text leaves the widget whatever the answer */
  gtk_text_buffer_set_text (buffer, "", -1);
  if (g_str_equal (response, "add") && store != NULL)
    {
      if (acu_confidential_add (store, self->household_id, text, &error) == 0)
        acu_page_show_toast (ACU_PAGE (self), error->message);
      else
        acu_page_show_toast (ACU_PAGE (self), _("Confidential note saved, encrypted."));
    }
  sodium_memzero (text, strlen (text));
}

static void
add_confidential_clicked_cb (AcuPeoplePage *self)
{
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();
  AdwMessageDialog *dialog;

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_widget_set_size_request (view, 360, 140);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       _("Confidential Note"),
                                                       _("Encrypted: only staff and coordinators read it. The person "
                                                         "may still ask to read it (right of access): write facts.")));
  adw_message_dialog_set_extra_child (dialog, frame);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "add", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (add_confidential_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (view);
}

static void
more_clicked_cb (AcuPeoplePage *self)
{
  load_visits (self, TRUE);
}

static void
set_entry (AdwEntryRow *row,
           const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static void
rebuild_communes (AcuPeoplePage *self)
{
  AcuStore *store = acu_page_get_store (ACU_PAGE (self));
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  g_clear_pointer (&self->communes, g_ptr_array_unref);
  if (store != NULL)
    self->communes = acu_catalogue_list (store, ACU_CATALOGUE_COMMUNE, TRUE, NULL);
  gtk_string_list_append (labels, _("No commune"));
  for (guint i = 0; self->communes != NULL && i < self->communes->len; i++)
    gtk_string_list_append (labels, ((AcuCatalogueEntry *) g_ptr_array_index (self->communes, i))->label);
  adw_combo_row_set_model (self->commune_row, G_LIST_MODEL (labels));
}

static void
refresh_household (AcuPeoplePage *self)
{
  AcuStore *store = acu_page_get_store (ACU_PAGE (self));
  g_autoptr(AcuHousehold) household = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autofree char *title = NULL;
  g_autofree char *since = NULL;
  g_autofree char *description = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *today = acu_date_today ();
  guint commune = 0;

  g_list_store_remove_all (self->members);
  remove_confidential_rows (self);
  gtk_label_set_label (self->household_error, "");
  if (store == NULL || self->household_id == 0
      || (household = acu_household_get (store, self->household_id, NULL)) == NULL)
    {
      self->household_id = 0;
      gtk_stack_set_visible_child_name (self->detail_stack, "empty");
      return;
    }

  members = acu_household_list_members (store, self->household_id, NULL);
  title = g_strdup_printf (_("Household no. %lld"), (long long) household->id);
  since = acu_date_to_display (household->created_on);
  summary = members ? acu_household_summary (members, today) : g_strdup ("");
  /* Translators: "2 adults, 1 child · known since 03/02/2024" */
  description = g_strdup_printf (_("%s · known since %s"), summary, since);
  adw_preferences_group_set_title (self->members_group, title);
  adw_preferences_group_set_description (self->members_group, description);
  if (members != NULL)
    g_list_store_splice (self->members, 0, 0, members->pdata, members->len);

  set_entry (self->address_row, household->address);
  set_entry (self->phone_row, household->phone);
  set_entry (self->email_row, household->email);
  set_entry (self->worker_row, household->referring_worker);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), household->note ? household->note : "", -1);
  for (guint i = 0; self->communes != NULL && i < self->communes->len; i++)
    if (((AcuCatalogueEntry *) g_ptr_array_index (self->communes, i))->id == household->commune_id)
      commune = i + 1;
  adw_combo_row_set_selected (self->commune_row, commune);
  adw_combo_row_set_selected (self->housing_row, household->housing);
  show_food_access (self);

  load_visits (self, FALSE);
  show_confidential (self, NULL);
  gtk_stack_set_visible_child_name (self->detail_stack, "household");
}

static void
save_clicked_cb (AcuPeoplePage *self)
{
  AcuStore *store = acu_page_get_store (ACU_PAGE (self));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;
  g_autofree char *note = NULL;
  g_autoptr(GError) error = NULL;
  guint commune = adw_combo_row_get_selected (self->commune_row);
  AcuHousehold household = { 0 };

  if (store == NULL || self->household_id == 0)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  note = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  household.id = self->household_id;
  household.address = (char *) gtk_editable_get_text (GTK_EDITABLE (self->address_row));
  household.phone = (char *) gtk_editable_get_text (GTK_EDITABLE (self->phone_row));
  household.email = (char *) gtk_editable_get_text (GTK_EDITABLE (self->email_row));
  household.referring_worker = (char *) gtk_editable_get_text (GTK_EDITABLE (self->worker_row));
  household.note = note;
  household.housing = adw_combo_row_get_selected (self->housing_row);
  if (self->communes != NULL && commune > 0 && commune <= self->communes->len)
    household.commune_id = ((AcuCatalogueEntry *) g_ptr_array_index (self->communes, commune - 1))->id;

  if (!acu_household_update (store, &household, &error))
    {
      gtk_label_set_label (self->household_error, error->message);
      return;
    }
  acu_page_show_toast (ACU_PAGE (self), _("Household saved."));
}

/* Adding and changing a member */

typedef struct
{
  AcuPeoplePage    *self;
  PersonDialogKind  kind;
  gint64            person_id;
  GtkEditable      *first;
  GtkEditable      *last;
  GtkEditable      *birth;
  AdwComboRow      *gender;       /* NULL in a copy: gender_value holds it */
  guint             gender_value;
  GtkEditable      *informed;
  /* Shown for the fields acu_people_get_sensitive_fields() gives, NULL
   * otherwise and in a copy: sensitive_value holds the answer */
  AdwComboRow      *sensitive[ACU_SENSITIVE_N];
  AcuTristate       sensitive_value[ACU_SENSITIVE_N];
} PersonDialog;

static AcuTristate
person_dialog_get_sensitive (PersonDialog *data,
                             AcuSensitive  field)
{
  if (data->sensitive[field] != NULL)
    return adw_combo_row_get_selected (data->sensitive[field]);
  return data->sensitive_value[field];
}

static void
person_dialog_free (PersonDialog *data)
{
  g_object_unref (data->self);
  g_free (data);
}

static void person_response_cb (AdwMessageDialog *dialog,
                                const char       *response,
                                PersonDialog     *data);

/* Asks before adding someone who looks already known; "add" adds anyway */
static void
confirm_duplicate (AcuPeoplePage *self,
                   PersonDialog  *data,
                   GPtrArray     *duplicates,
                   const char    *birth,
                   const char    *informed)
{
  g_autoptr(GString) body = g_string_new (_("This person may already be known:"));
  PersonDialog *copy = g_new0 (PersonDialog, 1);
  AdwMessageDialog *dialog;

  for (guint i = 0; i < duplicates->len; i++)
    {
      AcuPerson *person = g_ptr_array_index (duplicates, i);
      g_autofree char *name = acu_person_dup_display_name (person);

      g_string_append_printf (body, "\n• %s, ", name);
      g_string_append_printf (body, _("household no. %lld"), (long long) acu_person_get_household_id (person));
    }
  /* The fields live in the first dialog, which closes: keep their text */
  *copy = *data;
  g_object_ref (copy->self);
  copy->first = GTK_EDITABLE (gtk_text_new ());
  copy->last = GTK_EDITABLE (gtk_text_new ());
  copy->birth = GTK_EDITABLE (gtk_text_new ());
  copy->informed = GTK_EDITABLE (gtk_text_new ());
  gtk_editable_set_text (copy->first, gtk_editable_get_text (data->first));
  gtk_editable_set_text (copy->last, gtk_editable_get_text (data->last));
  gtk_editable_set_text (copy->birth, birth);
  gtk_editable_set_text (copy->informed, informed);
  copy->gender_value = adw_combo_row_get_selected (data->gender);
  copy->gender = NULL;
  for (AcuSensitive f = 0; f < ACU_SENSITIVE_N; f++)
    {
      copy->sensitive_value[f] = person_dialog_get_sensitive (data, f);
      copy->sensitive[f] = NULL;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       _("Already Known?"), body->str));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "add", _("Add _Anyway"), NULL);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  /* The copy's text widgets were never shown: the dialog owns them */
  g_object_set_data_full (G_OBJECT (dialog), "first", g_object_ref_sink (copy->first), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "last", g_object_ref_sink (copy->last), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "birth", g_object_ref_sink (copy->birth), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "informed", g_object_ref_sink (copy->informed), g_object_unref);
  g_signal_connect_data (dialog, "response", G_CALLBACK (person_response_cb), copy,
                         (GClosureNotify) (void (*) (void)) person_dialog_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
person_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    PersonDialog     *data)
{
  AcuPeoplePage *self = data->self;
  AcuStore *store = acu_page_get_store (ACU_PAGE (self));
  g_autofree char *birth = acu_date_from_user (gtk_editable_get_text (data->birth));
  g_autofree char *informed = acu_date_from_user (gtk_editable_get_text (data->informed));
  g_autoptr(GError) error = NULL;
  AcuPersonDraft draft = {
    .first_name = gtk_editable_get_text (data->first),
    .last_name = gtk_editable_get_text (data->last),
    .birth_date = birth,
    .gender = data->gender ? adw_combo_row_get_selected (data->gender) : data->gender_value,
    .informed_on = informed,
    .household_id = self->household_id,
  };
  gboolean ok;

  for (AcuSensitive f = 0; f < ACU_SENSITIVE_N; f++)
    draft.sensitive[f] = person_dialog_get_sensitive (data, f);
  if ((!g_str_equal (response, "save") && !g_str_equal (response, "add")) || store == NULL)
    return;
  if (data->kind == PERSON_DIALOG_ADD && g_str_equal (response, "save"))
    {
      g_autoptr(GPtrArray) duplicates = acu_person_find_duplicates (store, draft.first_name, draft.last_name,
                                                                    birth, NULL);

      /* Same folded name and birth date: most often the same person */
      if (duplicates != NULL && duplicates->len > 0)
        {
          confirm_duplicate (self, data, duplicates, gtk_editable_get_text (data->birth),
                             gtk_editable_get_text (data->informed));
          return;
        }
    }
  if (data->kind == PERSON_DIALOG_ADD)
    ok = acu_person_add (store, &draft, &error) != 0;
  else
    ok = acu_person_update (store, data->person_id, &draft, &error);
  if (!ok)
    {
      /* Open again with what was typed and what is wrong */
      PersonFields fields = {
        .first = draft.first_name, .last = draft.last_name, .birth = gtk_editable_get_text (data->birth),
        .gender = draft.gender, .informed = gtk_editable_get_text (data->informed),
      };

      memcpy (fields.sensitive, draft.sensitive, sizeof fields.sensitive);
      open_person_dialog (self, data->kind, data->person_id, &fields, error->message);
      return;
    }
  acu_page_show_toast (ACU_PAGE (self), data->kind == PERSON_DIALOG_ADD ? _("Member added.") : _("Member changed."));
}

static GtkEditable *
add_entry_row (GtkListBox *list,
               const char *title,
               const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  gtk_list_box_append (list, row);
  return GTK_EDITABLE (row);
}

/* A row "Disability: Not recorded / Yes / No", its answer selected: the
 * list's order is AcuTristate's */
static AdwComboRow *
add_sensitive_row (GtkListBox   *list,
                   AcuSensitive  field,
                   AcuTristate   value)
{
  static const char *const names[ACU_SENSITIVE_N] = {
    "sensitive-disability", "sensitive-third-country", "sensitive-foreign-background",
  };
  g_autoptr(GtkStringList) answers = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();

  for (AcuTristate t = ACU_TRISTATE_UNKNOWN; t <= ACU_TRISTATE_LAST; t++)
    gtk_string_list_append (answers, acu_tristate_get_label (t));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), acu_sensitive_get_label (field));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               field == ACU_SENSITIVE_DISABILITY
                               ? _("Optional. Health data: only with the person’s explicit consent")
                               : _("Optional. Sensitive data: only with the person’s explicit consent"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (answers));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), value);
  /* The UI tests find the rows by name */
  gtk_widget_set_name (row, names[field]);
  gtk_list_box_append (list, row);
  return ADW_COMBO_ROW (row);
}

static void
open_person_dialog (AcuPeoplePage       *self,
                    PersonDialogKind     kind,
                    gint64               person_id,
                    const PersonFields  *fields,
                    const char          *error_message)
{
  AcuStore *store = acu_page_get_store (ACU_PAGE (self));
  PersonDialog *data = g_new0 (PersonDialog, 1);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *gender_row = adw_combo_row_new ();
  g_autoptr(GtkStringList) genders = gtk_string_list_new (NULL);
  gboolean shown[ACU_SENSITIVE_N] = { FALSE };
  AdwMessageDialog *dialog;

  data->self = g_object_ref (self);
  data->kind = kind;
  data->person_id = person_id;
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  data->first = add_entry_row (GTK_LIST_BOX (list), _("First name"), fields->first);
  data->last = add_entry_row (GTK_LIST_BOX (list), _("Last name"), fields->last);
  data->birth = add_entry_row (GTK_LIST_BOX (list), _("Birth date or year (optional)"), fields->birth);
  for (AcuGender g = ACU_GENDER_NOT_STATED; g <= ACU_GENDER_OTHER; g++)
    gtk_string_list_append (genders, acu_gender_get_label (g));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (gender_row), _("Gender"));
  adw_combo_row_set_model (ADW_COMBO_ROW (gender_row), G_LIST_MODEL (genders));
  adw_combo_row_set_selected (ADW_COMBO_ROW (gender_row), fields->gender);
  gtk_list_box_append (GTK_LIST_BOX (list), gender_row);
  data->gender = ADW_COMBO_ROW (gender_row);
  data->informed = add_entry_row (GTK_LIST_BOX (list), _("Informed of the processing on (date)"),
                                  fields->informed);
  /* The sensitive fields the site records, for staff and coordinators
   * (read at each opening: they follow Preferences and who is at the desk) */
  if (store != NULL)
    acu_people_get_sensitive_fields (store, shown, NULL);
  for (AcuSensitive f = 0; f < ACU_SENSITIVE_N; f++)
    if (shown[f])
      data->sensitive[f] = add_sensitive_row (GTK_LIST_BOX (list), f, fields->sensitive[f]);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       kind == PERSON_DIALOG_ADD ? _("New Member") : _("Change Member"),
                                                       error_message));
  adw_message_dialog_set_extra_child (dialog, list);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (person_response_cb), data,
                         (GClosureNotify) (void (*) (void)) person_dialog_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_member_clicked_cb (AcuPeoplePage *self)
{
  g_autofree char *today = acu_date_today ();
  g_autofree char *display = acu_date_to_display (today);
  g_autoptr(GPtrArray) members = NULL;
  PersonFields fields = { .gender = ACU_GENDER_NOT_STATED, .informed = display };

  /* Members most often share the first one's last name */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->members)) > 0)
    members = acu_household_list_members (acu_page_get_store (ACU_PAGE (self)), self->household_id, NULL);
  if (members != NULL && members->len > 0)
    fields.last = acu_person_get_last_name (g_ptr_array_index (members, 0));
  open_person_dialog (self, PERSON_DIALOG_ADD, 0, &fields, NULL);
}

/* Everyone sees whether the household's access to food aid is valid;
 * staff open it (the core refuses access records to volunteers too) */
static void
show_food_access (AcuPeoplePage *self)
{
  AcuStore *store = acu_page_get_store (ACU_PAGE (self));
  gboolean staff = store != NULL && acu_store_is_identified (store) && acu_store_get_role (store) >= ACU_ROLE_STAFF;
  g_autofree char *status = NULL;
  g_autofree char *escaped = NULL;

  if (store == NULL || self->household_id == 0)
    return;
  status = acu_food_access_dup_status (store, self->household_id);
  escaped = g_markup_escape_text (status, -1);
  adw_action_row_set_subtitle (self->food_access_row, escaped);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->food_access_row), staff);
  gtk_widget_set_visible (self->food_access_arrow, staff);
}

static void
food_access_activated_cb (AcuPeoplePage *self)
{
  AcuStore *store = acu_page_get_store (ACU_PAGE (self));

  if (store != NULL && self->household_id != 0
      && gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (self->food_access_row)))
    acu_food_access_dialog_present (GTK_WIDGET (self), store, self->household_id);
}

/* Merging */

static void
merge_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   AcuPeoplePage    *self)
{
  AcuStore *store = acu_page_get_store (ACU_PAGE (self));
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autoptr(GError) error = NULL;
  gint64 other;

  if (!g_str_equal (response, "merge") || store == NULL)
    return;
  if (!parse_household_number (gtk_editable_get_text (entry), &other) || other == 0)
    {
      acu_page_show_toast (ACU_PAGE (self), _("Type the number of the other household, digits only."));
      return;
    }
  if (!acu_household_merge (store, self->household_id, other, &error))
    {
      acu_page_show_toast (ACU_PAGE (self), error->message);
      return;
    }
  {
    g_autofree char *message = g_strdup_printf (_("Household no. %lld merged into this one."), (long long) other);

    acu_page_show_toast (ACU_PAGE (self), message);
  }
  refresh_household (self);
}

static void
merge_clicked_cb (AcuPeoplePage *self)
{
  g_autofree char *heading = g_strdup_printf (_("Merge Into Household No. %lld"), (long long) self->household_id);
  AdwMessageDialog *dialog;

  dialog = household_number_dialog_new (self, heading,
                                        _("When two households turn out to be the same one: the members "
                                          "and visits of the other household join this one, empty fields "
                                          "here take its values, and its number no longer exists."),
                                        _("Number of the other household"),
                                        "merge", _("_Merge"), ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect (dialog, "response", G_CALLBACK (merge_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Store */

/* AcuPage */

static void
acu_people_page_areas_changed (AcuPage  *page,
                               AcuAreas  area)
{
  AcuPeoplePage *self = ACU_PEOPLE_PAGE (page);

  switch (area)
    {
    case ACU_AREA_PEOPLE:
      acu_people_model_reload (self->model);
      refresh_household (self);
      break;
    case ACU_AREA_CONFIDENTIAL:
      refresh_household (self);
      break;
    case ACU_AREA_VISITS:
      if (self->household_id != 0)
        load_visits (self, FALSE);
      break;
    case ACU_AREA_FOOD:
      show_food_access (self);
      break;
    case ACU_AREA_CATALOGUES:
      rebuild_communes (self);
      refresh_household (self);
      break;
    case ACU_AREA_IDENTITY:
      /* Someone else at the desk: read texts are hidden again; nobody:
       * nothing stays on the page */
      if (!acu_store_is_identified (acu_page_get_store (page)))
        self->household_id = 0;
      refresh_household (self);
      break;
    default:
      break;
    }
}

static void
acu_people_page_show_record (AcuPage *page,
                             gint64   household_id)
{
  show_household (ACU_PEOPLE_PAGE (page), household_id);
}

static void
acu_people_page_store_changed (AcuPage  *page,
                               AcuStore *store)
{
  AcuPeoplePage *self = ACU_PEOPLE_PAGE (page);

  self->household_id = 0;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  acu_people_model_set_query (self->model, NULL);
  acu_people_model_set_store (self->model, store);
  rebuild_communes (self);
  refresh_household (self);
}

static void
acu_people_page_dispose (GObject *object)
{
  AcuPeoplePage *self = ACU_PEOPLE_PAGE (object);

  g_clear_pointer (&self->confidential_rows, g_ptr_array_unref);
  g_clear_pointer (&self->communes, g_ptr_array_unref);
  G_OBJECT_CLASS (acu_people_page_parent_class)->dispose (object);
}

static void
acu_people_page_class_init (AcuPeoplePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AcuPageClass *page_class = ACU_PAGE_CLASS (klass);

  object_class->dispose = acu_people_page_dispose;
  page_class->store_changed = acu_people_page_store_changed;
  page_class->areas_changed = acu_people_page_areas_changed;
  /* win.show-record ("people", household number), as the reception page asks */
  page_class->show_record = acu_people_page_show_record;

  /* the .ui names them */
  g_type_ensure (ACU_TYPE_PEOPLE_MODEL);
  g_type_ensure (ACU_TYPE_PERSON);
  g_type_ensure (ACU_TYPE_VISIT);
  g_type_ensure (ACU_TYPE_FIT_LIST);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/acuelh/Acuelh/acu-people-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AcuPeoplePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AcuPeoplePage, people_view);
  gtk_widget_class_bind_template_child (widget_class, AcuPeoplePage, model);
  gtk_widget_class_bind_template_child (widget_class, AcuPeoplePage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, AcuPeoplePage, members_group);
  gtk_widget_class_bind_template_child (widget_class, AcuPeoplePage, members_view);
  gtk_widget_class_bind_template_child (widget_class, AcuPeoplePage, members);
  gtk_widget_class_bind_template_child (widget_class, AcuPeoplePage, address_row);
  gtk_widget_class_bind_template_child (widget_class, AcuPeoplePage, commune_row);
  gtk_widget_class_bind_template_child (widget_class, AcuPeoplePage, housing_row);
  gtk_widget_class_bind_template_child (widget_class, AcuPeoplePage, food_access_row);
  gtk_widget_class_bind_template_child (widget_class, AcuPeoplePage, food_access_arrow);
  gtk_widget_class_bind_template_child (widget_class, AcuPeoplePage, phone_row);
  gtk_widget_class_bind_template_child (widget_class, AcuPeoplePage, email_row);
  gtk_widget_class_bind_template_child (widget_class, AcuPeoplePage, worker_row);
  gtk_widget_class_bind_template_child (widget_class, AcuPeoplePage, note_view);
  gtk_widget_class_bind_template_child (widget_class, AcuPeoplePage, household_error);
  gtk_widget_class_bind_template_child (widget_class, AcuPeoplePage, save_button);
  gtk_widget_class_bind_template_child (widget_class, AcuPeoplePage, visits_view);
  gtk_widget_class_bind_template_child (widget_class, AcuPeoplePage, visits);
  gtk_widget_class_bind_template_child (widget_class, AcuPeoplePage, more_button);
  gtk_widget_class_bind_template_child (widget_class, AcuPeoplePage, confidential_group);
  gtk_widget_class_bind_template_child (widget_class, AcuPeoplePage, confidential_buttons);
  gtk_widget_class_bind_template_child (widget_class, AcuPeoplePage, read_confidential_button);
  gtk_widget_class_bind_template_callback (widget_class, read_confidential_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_confidential_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, person_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_member_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, merge_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, food_access_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, more_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, person_details_cb);
  gtk_widget_class_bind_template_callback (widget_class, member_details_cb);
  acu_list_rows_bind_callbacks (widget_class);

  /* The buttons of the members' rows, with the person's id */
  gtk_widget_class_install_action (widget_class, "people.edit-member", "x", edit_member_action);
  gtk_widget_class_install_action (widget_class, "people.move-member", "x", move_member_action);
}

static void
acu_people_page_init (AcuPeoplePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->confidential_rows = g_ptr_array_new ();
  {
    g_autoptr(GtkStringList) housings = gtk_string_list_new (NULL);

    for (AcuHousing h = ACU_HOUSING_NOT_STATED; h <= ACU_HOUSING_LAST; h++)
      gtk_string_list_append (housings, acu_housing_get_label (h));
    adw_combo_row_set_model (self->housing_row, G_LIST_MODEL (housings));
  }

  /* Typing anywhere on the page goes to the search */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
}


