/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-reception-page"

#include "config.h"

#include <glib/gi18n.h>

#include "acu-catalogue.h"
#include "acu-date.h"
#include "acu-desk-area.h"
#include "acu-fit-list.h"
#include "acu-reception-page.h"
#include "acu-ui-util.h"
#include "acu-visits.h"

/* The home page: find or create who comes in, why, log it; today's visits
 * below with Undo, edit and delete. Keyboard first: the search entry
 * keeps the focus; digits toggle the reasons while it is empty, Enter
 * picks the first person found and then logs, Alt+A logs an anonymous
 * visit. */

#define N_RESULTS 8

struct _AcuReceptionPage
{
  AcuPage           parent_instance;

  GtkLabel         *visits_count;
  GtkLabel         *persons_count;
  GtkLabel         *anonymous_count;
  GtkSearchEntry   *search_entry;
  GtkListBox       *results_list;
  GtkRevealer      *create_revealer;
  AdwEntryRow      *first_entry;
  AdwEntryRow      *last_entry;
  AdwEntryRow      *birth_entry;
  AdwEntryRow      *household_entry;
  AdwComboRow      *commune_row;
  GtkCheckButton   *informed_check;
  GtkLabel         *create_error;
  GtkListBox       *who_list;
  AdwActionRow     *who_row;
  GtkWidget        *clear_person_button;
  GPtrArray        *desk_buttons;     /* one per area action, in the registry's order */
  GtkFlowBox       *reasons_box;
  GtkDropDown      *referral_dropdown;
  GtkEntry         *note_entry;
  GtkButton        *log_button;
  GtkDropDown      *anon_gender_dropdown;
  GtkDropDown      *anon_age_dropdown;
  GtkDropDown      *anon_commune_dropdown;
  GtkButton        *anonymous_button;
  GtkLabel         *log_error;
  GtkListView      *today_view;
  GListStore       *today;            /* AcuVisit, its rows in acu-today-row.ui */
  GtkWidget        *today_placeholder;
  GPtrArray        *results;          /* AcuPerson, as the rows above the "create" row */
  AcuPerson        *person;           /* the person picked */
  GPtrArray        *reasons;          /* AcuCatalogueEntry, visible ones */
  GPtrArray        *reason_buttons;   /* GtkToggleButton, same order */
  GPtrArray        *partners;
  GPtrArray        *communes;
};

G_DEFINE_FINAL_TYPE (AcuReceptionPage, acu_reception_page, ACU_TYPE_PAGE)

static void refresh_today (AcuReceptionPage *self);

/* Helpers */

static GtkStringList *
labels_model (const char *none,
              GPtrArray  *entries)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, none);
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    gtk_string_list_append (list, ((AcuCatalogueEntry *) g_ptr_array_index (entries, i))->label);
  return list;
}

/* The catalogue id chosen in a dropdown whose first item is "none" */
static gint64
selected_id (GtkDropDown *dropdown,
             GPtrArray   *entries)
{
  guint position = gtk_drop_down_get_selected (dropdown);

  if (entries == NULL || position == 0 || position == GTK_INVALID_LIST_POSITION || position > entries->len)
    return 0;
  return ((AcuCatalogueEntry *) g_ptr_array_index (entries, position - 1))->id;
}

static void
show_log_error (AcuReceptionPage *self,
                const char       *message)
{
  gtk_label_set_label (self->log_error, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->log_error), message != NULL);
}

static gboolean
focus_in_text (AcuReceptionPage *self,
               gboolean         *in_search)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  *in_search = focus != NULL && (focus == GTK_WIDGET (self->search_entry)
                                 || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->search_entry)));
  return focus != NULL && (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT (focus));
}

/* Reasons */

static void
clear_reasons (AcuReceptionPage *self)
{
  for (guint i = 0; self->reason_buttons && i < self->reason_buttons->len; i++)
    gtk_toggle_button_set_active (g_ptr_array_index (self->reason_buttons, i), FALSE);
}

static GArray *
chosen_reasons (AcuReceptionPage *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; self->reason_buttons && i < self->reason_buttons->len; i++)
    if (gtk_toggle_button_get_active (g_ptr_array_index (self->reason_buttons, i)))
      g_array_append_val (ids, ((AcuCatalogueEntry *) g_ptr_array_index (self->reasons, i))->id);
  return ids;
}

static void
rebuild_catalogues (AcuReceptionPage *self)
{
  AcuStore *store = acu_page_get_store (ACU_PAGE (self));
  g_autoptr(GtkStringList) partners = NULL;
  g_autoptr(GtkStringList) communes = NULL;
  g_autoptr(GtkStringList) anon_communes = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->reasons_box))) != NULL)
    gtk_flow_box_remove (self->reasons_box, child);
  g_clear_pointer (&self->reasons, g_ptr_array_unref);
  g_clear_pointer (&self->partners, g_ptr_array_unref);
  g_clear_pointer (&self->communes, g_ptr_array_unref);
  g_ptr_array_set_size (self->reason_buttons, 0);

  if (store != NULL)
    {
      self->reasons = acu_catalogue_list (store, ACU_CATALOGUE_REASON, FALSE, NULL);
      self->partners = acu_catalogue_list (store, ACU_CATALOGUE_PARTNER, FALSE, NULL);
      self->communes = acu_catalogue_list (store, ACU_CATALOGUE_COMMUNE, FALSE, NULL);
    }

  for (guint i = 0; self->reasons != NULL && i < self->reasons->len; i++)
    {
      AcuCatalogueEntry *entry = g_ptr_array_index (self->reasons, i);
      GtkWidget *button = gtk_toggle_button_new ();
      GtkWidget *label = gtk_label_new (NULL);
      g_autofree char *text = NULL;

      /* The first ten answer to the keys 1 to 9, then 0 */
      if (i < 10)
        text = g_strdup_printf ("%u  %s", (i + 1) % 10, entry->label);
      else
        text = g_strdup (entry->label);
      gtk_label_set_label (GTK_LABEL (label), text);
      /* Long labels (French, Occitan) take a second line */
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (GTK_LABEL (label), 2);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_button_set_child (GTK_BUTTON (button), label);
      gtk_widget_set_tooltip_text (button, entry->label);
      gtk_widget_set_focus_on_click (button, FALSE);
      gtk_flow_box_append (self->reasons_box, button);
      g_ptr_array_add (self->reason_buttons, button);
    }

  partners = labels_model (_("Not referred"), self->partners);
  gtk_drop_down_set_model (self->referral_dropdown, G_LIST_MODEL (partners));
  communes = labels_model (_("No commune"), self->communes);
  adw_combo_row_set_model (self->commune_row, G_LIST_MODEL (communes));
  anon_communes = labels_model (_("Commune not stated"), self->communes);
  gtk_drop_down_set_model (self->anon_commune_dropdown, G_LIST_MODEL (anon_communes));
}

/* The person picked */

/* The person picked: their name, then what each area of the desk says
 * of them (acu-desk-areas.c), one line or two each, and the areas'
 * actions as buttons of the row */
static void
refresh_person (AcuReceptionPage *self)
{
  AcuStore *store = acu_page_get_store (ACU_PAGE (self));
  const AcuDeskArea *const *areas;
  guint n_areas, n_lines = 0, button = 0;
  g_autofree char *name = NULL;
  g_autofree char *escaped = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  AcuRole role = store != NULL ? acu_store_get_role (store) : ACU_ROLE_VOLUNTEER;

  gtk_widget_set_visible (GTK_WIDGET (self->who_list), self->person != NULL);
  if (self->person == NULL)
    return;

  name = acu_person_dup_display_name (self->person);
  escaped = g_markup_escape_text (name, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->who_row), escaped);

  areas = acu_desk_areas_list (&n_areas);
  for (guint i = 0; i < n_areas; i++)
    {
      gboolean allowed = role >= areas[i]->role;
      g_autoptr(GError) error = NULL;
      g_autofree char *line = allowed ? areas[i]->describe (store, self->person, &error) : NULL;

      if (error != NULL)
        g_warning ("%s: %s", areas[i]->id, error->message);
      if (line != NULL)
        {
          g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? "\n" : "", line);
          n_lines += 1;
          for (const char *c = line; *c != '\0'; c++)
            n_lines += *c == '\n';
        }
      for (guint j = 0; j < areas[i]->n_actions; j++)
        {
          GtkWidget *desk_button = g_ptr_array_index (self->desk_buttons, button++);
          gboolean shown = allowed && role >= areas[i]->actions[j].role;

          gtk_widget_set_visible (desk_button, shown);
          /* a hidden button's action does not run from elsewhere either */
          g_simple_action_set_enabled (g_object_get_data (G_OBJECT (desk_button), "acu-desk-action"), shown);
        }
    }

  g_free (escaped);
  escaped = g_markup_escape_text (subtitle->str, -1);
  adw_action_row_set_subtitle (self->who_row, escaped);
  adw_action_row_set_subtitle_lines (self->who_row, MAX (n_lines, 1));
}

static void
desk_action_activated_cb (GSimpleAction    *action,
                          GVariant         *parameter,
                          AcuReceptionPage *self)
{
  const AcuDeskAction *desk_action = g_object_get_data (G_OBJECT (action), "acu-desk-action");
  AcuStore *store = acu_page_get_store (ACU_PAGE (self));

  if (store != NULL && self->person != NULL)
    desk_action->activate (GTK_WIDGET (self), store, self->person);
}

/* The areas' actions: "desk.NAME", each a button of the person's row
 * whose mnemonic (Alt and a letter) runs it from the keyboard */
static void
add_desk_actions (AcuReceptionPage *self)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  const AcuDeskArea *const *areas;
  guint n_areas;

  /* one above the other, so that the name and the lines keep the width */
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_widget_set_valign (buttons, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (self->who_row, buttons);
  self->desk_buttons = g_ptr_array_new ();
  areas = acu_desk_areas_list (&n_areas);
  for (guint i = 0; i < n_areas; i++)
    for (guint j = 0; j < areas[i]->n_actions; j++)
      {
        const AcuDeskAction *desk_action = &areas[i]->actions[j];
        g_autoptr(GSimpleAction) action = g_simple_action_new (desk_action->name, NULL);
        g_autofree char *detailed = g_strconcat ("desk.", desk_action->name, NULL);
        GtkWidget *button = gtk_button_new_with_mnemonic (_(desk_action->label));

        g_object_set_data (G_OBJECT (action), "acu-desk-action", (gpointer) desk_action);
        g_signal_connect (action, "activate", G_CALLBACK (desk_action_activated_cb), self);
        g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
        gtk_actionable_set_action_name (GTK_ACTIONABLE (button), detailed);
        gtk_widget_set_tooltip_text (button, _(desk_action->tooltip));
        gtk_widget_add_css_class (button, "flat");
        gtk_box_append (GTK_BOX (buttons), button);
        g_object_set_data (G_OBJECT (button), "acu-desk-action", action);
        g_ptr_array_add (self->desk_buttons, button);
      }
  gtk_widget_insert_action_group (GTK_WIDGET (self), "desk", G_ACTION_GROUP (group));
}

static void
set_person (AcuReceptionPage *self,
            AcuPerson        *person)
{
  g_set_object (&self->person, person);
  refresh_person (self);
}

/* Search */

static GtkWidget *
person_row_new (AcuPerson *person)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *name = acu_person_dup_display_name (person);
  g_autofree char *escaped = g_markup_escape_text (name, -1);
  g_autoptr(GString) subtitle = g_string_new (NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  if (acu_person_get_birth_date (person) != NULL)
    {
      g_autofree char *born = acu_date_to_display (acu_person_get_birth_date (person));

      g_string_append_printf (subtitle, _("born %s"), born);
      g_string_append (subtitle, " · ");
    }
  g_string_append_printf (subtitle, _("Household no. %lld"), (long long) acu_person_get_household_id (person));
  if (acu_person_get_commune (person) != NULL)
    g_string_append_printf (subtitle, " · %s", acu_person_get_commune (person));
  g_free (escaped);
  escaped = g_markup_escape_text (subtitle->str, -1);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
  adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "avatar-default-symbolic");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

static void
clear_results (AcuReceptionPage *self)
{
  acu_list_box_clear (self->results_list);
  g_ptr_array_set_size (self->results, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->results_list), FALSE);
}

static void
search_changed_cb (AcuReceptionPage *self)
{
  AcuStore *store = acu_page_get_store (ACU_PAGE (self));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  clear_results (self);
  show_log_error (self, NULL);
  if (store == NULL || *stripped == '\0')
    return;

  people = acu_people_search (store, stripped, 0, N_RESULTS, &error);
  if (people == NULL)
    {
      show_log_error (self, error->message);
      return;
    }
  for (guint i = 0; i < people->len; i++)
    {
      g_ptr_array_add (self->results, g_object_ref (g_ptr_array_index (people, i)));
      gtk_list_box_append (self->results_list, person_row_new (g_ptr_array_index (people, i)));
    }
  /* Not a number: offer to create this person, found or not (homonyms) */
  if (*stripped != '#' && !g_ascii_isdigit (*stripped))
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf (people->len == 0 ? _("Nobody found. Add “%s”…") : _("Add “%s”…"),
                                                stripped);
      g_autofree char *escaped = g_markup_escape_text (title, -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "list-add-symbolic");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (self->results_list, row);
    }
  else if (people->len == 0)
    {
      show_log_error (self, _("No household has this number."));
      return;
    }
  gtk_list_box_select_row (self->results_list, gtk_list_box_get_row_at_index (self->results_list, 0));
  gtk_widget_set_visible (GTK_WIDGET (self->results_list), TRUE);
}

static char *
capitalize (const char *word)
{
  g_autofree char *first = NULL;
  const char *rest;

  if (word == NULL || *word == '\0')
    return g_strdup ("");
  rest = g_utf8_next_char (word);
  first = g_utf8_strup (word, rest - word);
  return g_strconcat (first, rest, NULL);
}

static void
open_create_form (AcuReceptionPage *self,
                  const char       *typed)
{
  g_auto(GStrv) words = g_strsplit (typed, " ", -1);
  guint n = g_strv_length (words);
  g_autofree char *last = NULL;
  g_autoptr(GString) first = g_string_new (NULL);

  /* "jean dupuis": first name Jean, last name Dupuis; one word is a last name */
  last = capitalize (n > 0 ? words[n - 1] : "");
  for (guint i = 0; i + 1 < n; i++)
    {
      g_autofree char *word = capitalize (words[i]);

      g_string_append_printf (first, "%s%s", first->len ? " " : "", word);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->first_entry), first->str);
  gtk_editable_set_text (GTK_EDITABLE (self->last_entry), last);
  gtk_editable_set_text (GTK_EDITABLE (self->birth_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->household_entry), "");
  adw_combo_row_set_selected (self->commune_row, 0);
  gtk_check_button_set_active (self->informed_check, TRUE);
  gtk_label_set_label (self->create_error, "");
  clear_results (self);
  gtk_revealer_set_reveal_child (self->create_revealer, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (first->len ? self->birth_entry : self->first_entry));
}

static void
close_create_form (AcuReceptionPage *self)
{
  gtk_revealer_set_reveal_child (self->create_revealer, FALSE);
  gtk_label_set_label (self->create_error, "");
}

static void
pick_row (AcuReceptionPage *self,
          GtkListBoxRow    *row)
{
  int index = gtk_list_box_row_get_index (row);

  if (index < (int) self->results->len)
    {
      set_person (self, g_ptr_array_index (self->results, index));
      close_create_form (self);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      clear_results (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
    }
  else
    {
      g_autofree char *typed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

      open_create_form (self, typed);
    }
}

static void
result_activated_cb (AcuReceptionPage *self,
                     GtkListBoxRow    *row)
{
  pick_row (self, row);
}

static void log_visit (AcuReceptionPage *self,
                       gboolean          anonymous);

/* Enter: pick the person selected in the results, or log the visit */
static void
search_activate_cb (AcuReceptionPage *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->results_list);

  if (gtk_widget_get_visible (GTK_WIDGET (self->results_list)) && row != NULL)
    pick_row (self, row);
  else if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) == '\0')
    log_visit (self, FALSE);
}

/* Esc: clear what is typed, then the person picked and the reasons */
static void
stop_search_cb (AcuReceptionPage *self)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  else
    {
      set_person (self, NULL);
      clear_reasons (self);
      show_log_error (self, NULL);
    }
  close_create_form (self);
}

static gboolean
search_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       AcuReceptionPage      *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->results_list);
  int index = row ? gtk_list_box_row_get_index (row) : -1;
  GtkListBoxRow *next = NULL;

  if (!gtk_widget_get_visible (GTK_WIDGET (self->results_list)))
    return GDK_EVENT_PROPAGATE;
  if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    next = gtk_list_box_get_row_at_index (self->results_list, index + 1);
  else if (keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up)
    next = index > 0 ? gtk_list_box_get_row_at_index (self->results_list, index - 1) : NULL;
  else
    return GDK_EVENT_PROPAGATE;
  if (next != NULL)
    gtk_list_box_select_row (self->results_list, next);
  return GDK_EVENT_STOP;
}

/* Keys 1 to 9 and 0 toggle the reasons, unless one is typing text */
static gboolean
page_key_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     AcuReceptionPage      *self)
{
  gboolean in_search;
  guint digit;
  GtkToggleButton *button;

  /* Esc leaves the new-person form from any of its fields */
  if (keyval == GDK_KEY_Escape && gtk_revealer_get_reveal_child (self->create_revealer))
    {
      close_create_form (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
      return GDK_EVENT_STOP;
    }
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK))
    return GDK_EVENT_PROPAGATE;
  if (keyval >= GDK_KEY_0 && keyval <= GDK_KEY_9)
    digit = keyval - GDK_KEY_0;
  else if (keyval >= GDK_KEY_KP_0 && keyval <= GDK_KEY_KP_9)
    digit = keyval - GDK_KEY_KP_0;
  else
    return GDK_EVENT_PROPAGATE;

  if (focus_in_text (self, &in_search)
      && !(in_search && *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) == '\0'))
    return GDK_EVENT_PROPAGATE;

  digit = digit == 0 ? 9 : digit - 1;
  if (digit >= self->reason_buttons->len)
    return GDK_EVENT_STOP;
  button = g_ptr_array_index (self->reason_buttons, digit);
  gtk_toggle_button_set_active (button, !gtk_toggle_button_get_active (button));
  show_log_error (self, NULL);
  return GDK_EVENT_STOP;
}

/* Creating a person */

static void
household_entry_changed_cb (AcuReceptionPage *self)
{
  /* A new household takes the commune; an existing one has its own */
  gtk_widget_set_sensitive (GTK_WIDGET (self->commune_row),
                            *gtk_editable_get_text (GTK_EDITABLE (self->household_entry)) == '\0');
}

static void
add_person (AcuReceptionPage *self)
{
  AcuStore *store = acu_page_get_store (ACU_PAGE (self));
  g_autoptr(GError) error = NULL;
  g_autoptr(AcuPerson) person = NULL;
  g_autofree char *birth = acu_date_from_user (gtk_editable_get_text (GTK_EDITABLE (self->birth_entry)));
  g_autofree char *today = acu_date_today ();
  const char *household = gtk_editable_get_text (GTK_EDITABLE (self->household_entry));
  AcuPersonDraft draft = {
    .first_name = gtk_editable_get_text (GTK_EDITABLE (self->first_entry)),
    .last_name = gtk_editable_get_text (GTK_EDITABLE (self->last_entry)),
    .birth_date = birth,
    .informed_on = gtk_check_button_get_active (self->informed_check) ? today : NULL,
  };
  gint64 id;

  if (*household != '\0')
    {
      char *end = NULL;

      if (*household == '#')
        household++;
      draft.household_id = g_ascii_strtoll (household, &end, 10);
      if (end == NULL || *end != '\0' || draft.household_id <= 0)
        {
          gtk_label_set_label (self->create_error, _("The household number is made of digits only."));
          gtk_widget_grab_focus (GTK_WIDGET (self->household_entry));
          return;
        }
    }
  if (draft.household_id == 0)
    {
      guint position = adw_combo_row_get_selected (self->commune_row);

      if (self->communes != NULL && position > 0 && position <= self->communes->len)
        draft.commune_id = ((AcuCatalogueEntry *) g_ptr_array_index (self->communes, position - 1))->id;
    }

  id = acu_person_add (store, &draft, &error);
  if (id == 0)
    {
      gtk_label_set_label (self->create_error, error->message);
      return;
    }
  person = acu_person_get (store, id, NULL);
  close_create_form (self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  set_person (self, person);
  if (person != NULL)
    {
      g_autofree char *name = acu_person_dup_display_name (person);
      g_autofree char *message = g_strdup_printf (_("%s added to household no. %lld."),
                                                  name, (long long) acu_person_get_household_id (person));

      acu_page_show_toast (ACU_PAGE (self), message);
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
duplicate_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       AcuReceptionPage *self)
{
  if (g_str_equal (response, "add"))
    add_person (self);
  else if (g_str_equal (response, "use"))
    {
      AcuPerson *existing = g_object_get_data (G_OBJECT (dialog), "person");

      close_create_form (self);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      set_person (self, existing);
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
    }
}

static void
create_activated_cb (AcuReceptionPage *self)
{
  AcuStore *store = acu_page_get_store (ACU_PAGE (self));
  g_autofree char *birth = acu_date_from_user (gtk_editable_get_text (GTK_EDITABLE (self->birth_entry)));
  g_autoptr(GPtrArray) duplicates = NULL;
  g_autoptr(GString) body = NULL;
  AdwMessageDialog *dialog;

  if (store == NULL)
    return;
  duplicates = acu_person_find_duplicates (store,
                                           gtk_editable_get_text (GTK_EDITABLE (self->first_entry)),
                                           gtk_editable_get_text (GTK_EDITABLE (self->last_entry)),
                                           birth, NULL);
  if (duplicates == NULL || duplicates->len == 0)
    {
      add_person (self);
      return;
    }

  /* Same folded name and birth date: most often the same person */
  body = g_string_new (_("This person may already be known:"));
  for (guint i = 0; i < duplicates->len; i++)
    {
      AcuPerson *person = g_ptr_array_index (duplicates, i);
      g_autofree char *name = acu_person_dup_display_name (person);

      g_string_append_printf (body, "\n• %s, ", name);
      g_string_append_printf (body, _("household no. %lld"), (long long) acu_person_get_household_id (person));
    }
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       _("Already Known?"), body->str));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "add", _("Add _Anyway"),
                                    "use", _("_Use This Person"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "use", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "use");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "person",
                          g_object_ref (g_ptr_array_index (duplicates, 0)), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (duplicate_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
create_cancel_clicked_cb (AcuReceptionPage *self)
{
  close_create_form (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Logging */

typedef struct
{
  AcuReceptionPage *self;
  gint64            visit_id;
  AcuVisit         *deleted;
} UndoData;

static void
undo_data_free (gpointer data,
                GClosure *closure)
{
  UndoData *undo = data;

  g_object_unref (undo->self);
  g_clear_object (&undo->deleted);
  g_free (undo);
}

static void
undo_clicked_cb (AdwToast *toast,
                 UndoData *undo)
{
  g_autoptr(GError) error = NULL;
  AcuStore *store = acu_page_get_store (ACU_PAGE (undo->self));
  gboolean ok;

  if (store == NULL)
    return;
  if (undo->deleted != NULL)
    ok = acu_visit_restore (store, undo->deleted, &error);
  else
    ok = acu_visit_delete (store, undo->visit_id, &error);
  if (!ok)
    acu_page_show_toast (ACU_PAGE (undo->self), error->message);
}

static void
toast_with_undo (AcuReceptionPage *self,
                 const char       *message,
                 gint64            visit_id,
                 AcuVisit         *deleted)
{
  AdwToast *toast = adw_toast_new (message);
  UndoData *undo = g_new0 (UndoData, 1);

  undo->self = g_object_ref (self);
  undo->visit_id = visit_id;
  undo->deleted = deleted ? g_object_ref (deleted) : NULL;
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), undo, undo_data_free, 0);
  acu_widget_add_toast (GTK_WIDGET (self), toast);
}

static void
reset_form (AcuReceptionPage *self)
{
  set_person (self, NULL);
  clear_reasons (self);
  gtk_drop_down_set_selected (self->referral_dropdown, 0);
  gtk_drop_down_set_selected (self->anon_gender_dropdown, 0);
  gtk_drop_down_set_selected (self->anon_age_dropdown, 0);
  gtk_drop_down_set_selected (self->anon_commune_dropdown, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  show_log_error (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
log_visit (AcuReceptionPage *self,
           gboolean          anonymous)
{
  AcuStore *store = acu_page_get_store (ACU_PAGE (self));
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) reasons = NULL;
  g_autofree char *message = NULL;
  AcuVisitDraft draft = { 0 };
  gint64 id;

  if (store == NULL)
    return;
  if (!anonymous && self->person == NULL)
    {
      show_log_error (self, _("Find the person first, or press Alt+A for an anonymous visit."));
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
      return;
    }

  reasons = chosen_reasons (self);
  draft.reason_ids = (const gint64 *) (gpointer) reasons->data;
  draft.n_reasons = reasons->len;
  draft.referral_id = selected_id (self->referral_dropdown, self->partners);
  draft.note = gtk_editable_get_text (GTK_EDITABLE (self->note_entry));
  if (anonymous)
    {
      guint age = gtk_drop_down_get_selected (self->anon_age_dropdown);

      draft.anon_gender = gtk_drop_down_get_selected (self->anon_gender_dropdown);
      draft.anon_age = age < ACU_N_AGE_BRACKETS ? age : ACU_AGE_NOT_STATED;
      draft.anon_commune_id = selected_id (self->anon_commune_dropdown, self->communes);
    }
  else
    draft.person_id = acu_person_get_id (self->person);

  id = acu_visit_log (store, &draft, &error);
  if (id == 0)
    {
      if (g_error_matches (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID) && draft.n_reasons == 0)
        show_log_error (self, _("Choose at least one reason for the visit: keys 1 to 9 and 0."));
      else
        show_log_error (self, error->message);
      return;
    }

  if (anonymous)
    message = g_strdup (_("Anonymous visit logged."));
  else
    {
      g_autofree char *name = acu_person_dup_display_name (self->person);

      message = g_strdup_printf (_("Visit of %s logged."), name);
    }
  toast_with_undo (self, message, id, NULL);
  reset_form (self);
}

static void
log_clicked_cb (AcuReceptionPage *self)
{
  log_visit (self, FALSE);
}

static void
note_activate_cb (AcuReceptionPage *self)
{
  log_visit (self, self->person == NULL);
}

static void
anonymous_clicked_cb (AcuReceptionPage *self)
{
  if (self->person != NULL)
    set_person (self, NULL);
  log_visit (self, TRUE);
}

static void
clear_person_clicked_cb (AcuReceptionPage *self)
{
  set_person (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Today's visits: edit and delete */

/* The visit of a row's button (reception.edit-visit, reception.delete-visit
 * with the visit's id), read again from the store */
static AcuVisit *
visit_of_action (AcuReceptionPage *self,
                 GVariant         *parameter)
{
  AcuStore *store = acu_page_get_store (ACU_PAGE (self));
  g_autoptr(GError) error = NULL;
  AcuVisit *visit;

  if (store == NULL)
    return NULL;
  visit = acu_visit_get (store, g_variant_get_int64 (parameter), &error);
  if (visit == NULL)
    acu_page_show_toast (ACU_PAGE (self), error->message);
  return visit;
}

typedef struct
{
  AcuReceptionPage *self;
  AcuVisit         *visit;
} DeleteData;

static void
delete_data_free (gpointer data)
{
  DeleteData *delete = data;

  g_object_unref (delete->self);
  g_object_unref (delete->visit);
  g_free (delete);
}

static gboolean
delete_visit_idle_cb (gpointer data)
{
  DeleteData *delete = data;
  AcuStore *store = acu_page_get_store (ACU_PAGE (delete->self));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (store == NULL)
    return G_SOURCE_REMOVE;
  if (!acu_visit_delete (store, acu_visit_get_id (delete->visit), &error))
    {
      acu_page_show_toast (ACU_PAGE (delete->self), error->message);
      return G_SOURCE_REMOVE;
    }
  message = g_strdup_printf (_("Visit at %s deleted."), acu_visit_get_time (delete->visit));
  toast_with_undo (delete->self, message, 0, delete->visit);
  return G_SOURCE_REMOVE;
}

/* Deleted once the click is over: the list drops the row, and GTK 4.8
 * must not finalize its button while the button still emits "clicked"
 * (the expression bound to it warns of a weak reference it cannot find) */
static void
delete_visit_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AcuReceptionPage *self = ACU_RECEPTION_PAGE (widget);
  AcuVisit *visit = visit_of_action (self, parameter);
  DeleteData *delete;

  if (visit == NULL)
    return;
  delete = g_new0 (DeleteData, 1);
  delete->self = g_object_ref (self);
  delete->visit = visit;
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, delete_visit_idle_cb, delete, delete_data_free);
}

typedef struct
{
  AcuReceptionPage *self;
  AcuVisit         *visit;
  GPtrArray        *checks;
  GtkDropDown      *referral;
  GtkEditable      *note;
} EditData;

static void
edit_data_free (EditData *data)
{
  g_object_unref (data->self);
  g_object_unref (data->visit);
  g_ptr_array_unref (data->checks);
  g_free (data);
}

static void
edit_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  EditData         *data)
{
  AcuReceptionPage *self = data->self;
  AcuStore *store = acu_page_get_store (ACU_PAGE (self));
  g_autoptr(GArray) reasons = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  AcuVisitDraft draft = { 0 };

  if (!g_str_equal (response, "save") || store == NULL)
    return;
  for (guint i = 0; i < data->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (data->checks, i)))
      g_array_append_val (reasons, ((AcuCatalogueEntry *) g_ptr_array_index (self->reasons, i))->id);
  draft.reason_ids = (const gint64 *) (gpointer) reasons->data;
  draft.n_reasons = reasons->len;
  draft.person_id = acu_visit_get_person_id (data->visit);
  draft.referral_id = selected_id (data->referral, self->partners);
  draft.note = gtk_editable_get_text (data->note);
  draft.anon_gender = acu_visit_get_anon_gender (data->visit);
  draft.anon_age = acu_visit_get_anon_age (data->visit);
  draft.anon_commune_id = acu_visit_get_anon_commune_id (data->visit);
  if (!acu_visit_update (store, acu_visit_get_id (data->visit), &draft, &error))
    acu_page_show_toast (ACU_PAGE (self), error->message);
  else
    acu_page_show_toast (ACU_PAGE (self), _("Visit changed."));
}

static void
edit_visit_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AcuReceptionPage *self = ACU_RECEPTION_PAGE (widget);
  g_autoptr(AcuVisit) visit = visit_of_action (self, parameter);
  g_autoptr(GtkStringList) partners = NULL;
  EditData *data;
  GtkWidget *box, *flow, *note;
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;
  guint n_reasons;
  const gint64 *ids;

  if (visit == NULL)
    return;
  partners = labels_model (_("Not referred"), self->partners);
  data = g_new0 (EditData, 1);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  flow = gtk_flow_box_new ();
  note = gtk_entry_new ();
  heading = g_strdup_printf (_("Visit at %s"), acu_visit_get_time (visit));
  ids = acu_visit_get_reason_ids (visit, &n_reasons);
  data->self = g_object_ref (self);
  data->visit = g_object_ref (visit);
  data->checks = g_ptr_array_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 2);
  for (guint i = 0; self->reasons != NULL && i < self->reasons->len; i++)
    {
      AcuCatalogueEntry *entry = g_ptr_array_index (self->reasons, i);
      GtkWidget *check = gtk_check_button_new_with_label (entry->label);

      for (guint j = 0; j < n_reasons; j++)
        if (ids[j] == entry->id)
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      gtk_flow_box_append (GTK_FLOW_BOX (flow), check);
      g_ptr_array_add (data->checks, check);
    }
  gtk_box_append (GTK_BOX (box), flow);
  data->referral = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (partners)), NULL));
  for (guint i = 0; self->partners != NULL && i < self->partners->len; i++)
    if (((AcuCatalogueEntry *) g_ptr_array_index (self->partners, i))->id == acu_visit_get_referral_id (visit))
      gtk_drop_down_set_selected (data->referral, i + 1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (data->referral));
  gtk_entry_set_placeholder_text (GTK_ENTRY (note), _("Short factual note (optional)"));
  gtk_editable_set_text (GTK_EDITABLE (note), acu_visit_get_note (visit) ? acu_visit_get_note (visit) : "");
  data->note = GTK_EDITABLE (note);
  gtk_box_append (GTK_BOX (box), note);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       heading, acu_visit_get_person_name (visit)));
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (edit_response_cb), data,
                         (GClosureNotify) (void (*) (void)) edit_data_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
set_count (GtkLabel *label,
           guint     value)
{
  g_autofree char *text = g_strdup_printf ("%u", value);

  gtk_label_set_label (label, text);
}

static void
refresh_today (AcuReceptionPage *self)
{
  AcuStore *store = acu_page_get_store (ACU_PAGE (self));
  g_autofree char *today = acu_date_today ();
  g_autoptr(GPtrArray) visits = NULL;
  AcuVisitCounts counts = { 0 };

  if (store != NULL)
    {
      visits = acu_visit_list_day (store, today, NULL);
      acu_visit_count (store, today, today, &counts, NULL);
    }
  g_list_store_splice (self->today, 0, g_list_model_get_n_items (G_LIST_MODEL (self->today)),
                       visits ? visits->pdata : NULL, visits ? visits->len : 0);
  set_count (self->visits_count, counts.visits);
  set_count (self->persons_count, counts.persons);
  set_count (self->anonymous_count, counts.anonymous);
}

/* AcuPage */

static void
acu_reception_page_areas_changed (AcuPage  *page,
                                  AcuAreas  area)
{
  AcuReceptionPage *self = ACU_RECEPTION_PAGE (page);

  switch (area)
    {
    case ACU_AREA_VISITS:
      refresh_today (self);
      break;
    case ACU_AREA_CATALOGUES:
      rebuild_catalogues (self);
      refresh_today (self);
      break;
    case ACU_AREA_IDENTITY:
      /* Someone else at the desk, or nobody: start from a clean page */
      g_clear_object (&self->person);
      close_create_form (self);
      reset_form (self);
      refresh_today (self);
      break;
    case ACU_AREA_PEOPLE:
      /* Renamed, moved or merged: read the person again */
      if (self->person != NULL)
        {
          g_autoptr(AcuPerson) person = acu_person_get (acu_page_get_store (page),
                                                        acu_person_get_id (self->person), NULL);

          g_set_object (&self->person, person);
        }
      refresh_today (self);
      break;
    default:
      break;
    }
  /* what the areas of the desk say of the person picked */
  if (area == ACU_AREA_IDENTITY || (area & acu_desk_areas_get_areas ()) != 0)
    refresh_person (self);
}

/* The home page: the search is where a visit starts */
static void
acu_reception_page_activate (AcuPage *page)
{
  gtk_widget_grab_focus (GTK_WIDGET (ACU_RECEPTION_PAGE (page)->search_entry));
}

static void
acu_reception_page_store_changed (AcuPage  *page,
                                  AcuStore *store)
{
  AcuReceptionPage *self = ACU_RECEPTION_PAGE (page);

  /* Forget everything of the closed database */
  g_clear_object (&self->person);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  clear_results (self);
  close_create_form (self);
  rebuild_catalogues (self);
  reset_form (self);
  refresh_today (self);
}

static void
acu_reception_page_dispose (GObject *object)
{
  AcuReceptionPage *self = ACU_RECEPTION_PAGE (object);

  g_clear_object (&self->person);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_clear_pointer (&self->reasons, g_ptr_array_unref);
  g_clear_pointer (&self->reason_buttons, g_ptr_array_unref);
  g_clear_pointer (&self->desk_buttons, g_ptr_array_unref);
  g_clear_pointer (&self->partners, g_ptr_array_unref);
  g_clear_pointer (&self->communes, g_ptr_array_unref);
  G_OBJECT_CLASS (acu_reception_page_parent_class)->dispose (object);
}

static void
acu_reception_page_class_init (AcuReceptionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AcuPageClass *page_class = ACU_PAGE_CLASS (klass);

  object_class->dispose = acu_reception_page_dispose;
  page_class->store_changed = acu_reception_page_store_changed;
  page_class->areas_changed = acu_reception_page_areas_changed;
  page_class->activate = acu_reception_page_activate;

  /* acu-reception-page.ui names it */
  g_type_ensure (ACU_TYPE_VISIT);
  g_type_ensure (ACU_TYPE_FIT_LIST);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/acuelh/Acuelh/acu-reception-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AcuReceptionPage, visits_count);
  gtk_widget_class_bind_template_child (widget_class, AcuReceptionPage, persons_count);
  gtk_widget_class_bind_template_child (widget_class, AcuReceptionPage, anonymous_count);
  gtk_widget_class_bind_template_child (widget_class, AcuReceptionPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AcuReceptionPage, results_list);
  gtk_widget_class_bind_template_child (widget_class, AcuReceptionPage, create_revealer);
  gtk_widget_class_bind_template_child (widget_class, AcuReceptionPage, first_entry);
  gtk_widget_class_bind_template_child (widget_class, AcuReceptionPage, last_entry);
  gtk_widget_class_bind_template_child (widget_class, AcuReceptionPage, birth_entry);
  gtk_widget_class_bind_template_child (widget_class, AcuReceptionPage, household_entry);
  gtk_widget_class_bind_template_child (widget_class, AcuReceptionPage, commune_row);
  gtk_widget_class_bind_template_child (widget_class, AcuReceptionPage, informed_check);
  gtk_widget_class_bind_template_child (widget_class, AcuReceptionPage, create_error);
  gtk_widget_class_bind_template_child (widget_class, AcuReceptionPage, who_list);
  gtk_widget_class_bind_template_child (widget_class, AcuReceptionPage, who_row);
  gtk_widget_class_bind_template_child (widget_class, AcuReceptionPage, clear_person_button);
  gtk_widget_class_bind_template_child (widget_class, AcuReceptionPage, reasons_box);
  gtk_widget_class_bind_template_child (widget_class, AcuReceptionPage, referral_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AcuReceptionPage, note_entry);
  gtk_widget_class_bind_template_child (widget_class, AcuReceptionPage, log_button);
  gtk_widget_class_bind_template_child (widget_class, AcuReceptionPage, anon_gender_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AcuReceptionPage, anon_age_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AcuReceptionPage, anon_commune_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AcuReceptionPage, anonymous_button);
  gtk_widget_class_bind_template_child (widget_class, AcuReceptionPage, log_error);
  gtk_widget_class_bind_template_child (widget_class, AcuReceptionPage, today_view);
  gtk_widget_class_bind_template_child (widget_class, AcuReceptionPage, today);
  gtk_widget_class_bind_template_child (widget_class, AcuReceptionPage, today_placeholder);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, result_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, household_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, create_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, create_cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_person_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, note_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, log_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, anonymous_clicked_cb);
  acu_list_rows_bind_callbacks (widget_class);

  /* The buttons of today's rows, with the visit's id */
  gtk_widget_class_install_action (widget_class, "reception.edit-visit", "x", edit_visit_action);
  gtk_widget_class_install_action (widget_class, "reception.delete-visit", "x", delete_visit_action);
}

static void
acu_reception_page_init (AcuReceptionPage *self)
{
  g_autoptr(GtkStringList) genders = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) ages = gtk_string_list_new (NULL);
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->results = g_ptr_array_new_with_free_func (g_object_unref);
  self->reason_buttons = g_ptr_array_new ();
  add_desk_actions (self);
  /* "Someone Else" stays last, after the areas' actions */
  g_object_ref (self->clear_person_button);
  adw_action_row_remove (self->who_row, self->clear_person_button);
  adw_action_row_add_suffix (self->who_row, self->clear_person_button);
  g_object_unref (self->clear_person_button);
  /* the areas the page shows, and those the person's lines read */
  g_object_set (self, "areas", acu_page_get_areas (ACU_PAGE (self)) | acu_desk_areas_get_areas (), NULL);

  for (AcuGender g = ACU_GENDER_NOT_STATED; g <= ACU_GENDER_OTHER; g++)
    gtk_string_list_append (genders, g == ACU_GENDER_NOT_STATED ? _("Gender not stated") : acu_gender_get_label (g));
  gtk_drop_down_set_model (self->anon_gender_dropdown, G_LIST_MODEL (genders));
  for (AcuAgeBracket a = ACU_AGE_NOT_STATED; a < ACU_N_AGE_BRACKETS; a++)
    gtk_string_list_append (ages, a == ACU_AGE_NOT_STATED ? _("Age not stated") : acu_age_bracket_get_label (a));
  gtk_drop_down_set_model (self->anon_age_dropdown, G_LIST_MODEL (ages));

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (search_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), controller);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (page_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  /* Typing anywhere on the page goes to the search */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
}
