/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-food-access-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>

#include "acu-catalogue.h"
#include "acu-date.h"
#include "acu-food.h"
#include "acu-food-access-dialog.h"
#include "acu-people.h"
#include "acu-report.h"
#include "acu-ui-util.h"

/* A household's access to food aid (DOMAIN.md, Food aid), for staff and
 * coordinators: the records, newest first; a form that grants access or
 * renews the last record (a new record that follows it); and the
 * reste-à-vivre helper, whose lines are sealed with the confidential key
 * and read back (an audited reading) when the dialog opens. Every check
 * is the core's: its message shows under the form, the field it concerns
 * marked, and nothing is written. */

/* The frequencies offered in one click, then "another frequency" */
static const struct
{
  guint          times;
  AcuFoodPeriod  period;
} frequencies[] = {
  { 1, ACU_FOOD_PERIOD_WEEK },
  { 2, ACU_FOOD_PERIOD_MONTH },
  { 1, ACU_FOOD_PERIOD_MONTH },
};

#define OTHER_FREQUENCY G_N_ELEMENTS (frequencies)

static const AcuFoodMode modes[] = { ACU_FOOD_MODE_PARCEL, ACU_FOOD_MODE_GROCERY, ACU_FOOD_MODE_BOTH };

struct _AcuFoodAccessDialog
{
  AdwWindow             parent_instance;

  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack         *view_stack;
  AdwPreferencesGroup  *history_group;
  AdwPreferencesGroup  *grant_group;
  AdwEntryRow          *worker_row;
  AdwComboRow          *partner_row;
  AdwEntryRow          *start_row;
  AdwEntryRow          *end_row;
  GtkButton            *three_months_button;
  GtkButton            *six_months_button;
  AdwComboRow          *mode_row;
  AdwComboRow          *frequency_row;
  AdwActionRow         *times_row;
  GtkSpinButton        *times_spin;
  GtkDropDown          *period_dropdown;
  AdwActionRow         *rule_row;
  GtkLabel             *rule_label;
  AdwEntryRow          *right_row;
  AdwEntryRow          *rate_row;
  GtkLabel             *grant_error;
  GtkButton            *grant_button;
  AdwPreferencesGroup  *resources_group;
  AdwPreferencesGroup  *charges_group;
  GtkLabel             *formula_label;
  GtkLabel             *verdict_label;
  GtkLabel             *shares_label;
  GtkLabel             *budget_error;
  GtkButton            *save_budget_button;

  AcuStore             *store;
  gint64                household_id;
  GPtrArray            *history_rows;   /* the rows added to history_group */
  GPtrArray            *partners;       /* AcuCatalogueEntry, after "none" */
  GPtrArray            *labels;         /* AcuBudgetLabel */
  GPtrArray            *budget_rows;    /* an AdwEntryRow per label, same order */
  GtkWidget            *error_row;      /* a message under the field it is about */
  gint64                last_id;        /* the record a grant renews, or 0 */
  gint64                rule_cents;     /* the grocery right by the rule, or -1 */
  gboolean              budget_readable;
  char                 *household_line;  /* "Household no. 12 · 1 adult, 1 child" */
};

G_DEFINE_FINAL_TYPE (AcuFoodAccessDialog, acu_food_access_dialog, ADW_TYPE_WINDOW)

/* Formats */

static char *
format_cents (gint64 cents)
{
  return acu_figure_kind_format (ACU_FIGURE_CENTS, cents);
}

/* "20 %", "12,5 %" */
static char *
format_rate (int rate_bp)
{
  g_autofree char *number = acu_decimal_to_user (rate_bp, 2, 0);

  return g_strdup_printf ("%s\u00a0%%", number);
}

/* "2 adults, 1 child", as the People page says it */
static char *
household_words (const AcuFoodHousehold *household)
{
  g_autofree char *adults = g_strdup_printf (ngettext ("%u adult", "%u adults", household->adults),
                                             household->adults);
  g_autofree char *children = NULL;

  if (household->children == 0)
    return g_steal_pointer (&adults);
  children = g_strdup_printf (ngettext ("%u child", "%u children", household->children), household->children);
  /* Translators: "2 adults, 3 children" */
  return g_strdup_printf (_("%s, %s"), adults, children);
}

static void
toast (AcuFoodAccessDialog *self,
       const char          *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* Errors next to the fields */

/* Shows @message next to @row, the field it concerns (focused), or
 * without a field in @label under its form */
static void
show_field_error (AcuFoodAccessDialog *self,
                  GtkLabel            *label,
                  GtkWidget           *row,
                  const char          *message)
{
  gtk_widget_set_visible (GTK_WIDGET (self->grant_error), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->budget_error), FALSE);
  acu_field_error_hide (self->error_row);
  if (row != NULL)
    {
      acu_field_error_show (self->error_row, row, message);
      gtk_widget_grab_focus (row);
      return;
    }
  gtk_label_set_label (label, message);
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
}

static void
clear_field_error (AcuFoodAccessDialog *self)
{
  acu_field_error_hide (self->error_row);
  gtk_widget_set_visible (GTK_WIDGET (self->grant_error), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->budget_error), FALSE);
}

static gboolean
error_is_on (AcuFoodAccessDialog *self,
             GtkWidget           *row)
{
  return g_object_get_data (G_OBJECT (self->error_row), "field") == row;
}

/* The history */

static char *
access_title (const AcuFoodAccess *access)
{
  g_autofree char *start = acu_date_to_display (access->start_day);
  g_autofree char *end = acu_date_to_display (access->end_day);

  /* Translators: an access record: "01/03/2026 to 31/08/2026 · Parcel and grocery" */
  return g_strdup_printf (_("%s to %s · %s"), start, end, acu_food_mode_get_label (access->mode));
}

static char *
access_details (const AcuFoodAccess *access)
{
  g_autoptr(GString) details = g_string_new (NULL);
  g_autofree char *frequency = acu_food_frequency_dup_label (access->times, access->period);
  g_autofree char *rate = format_rate (access->rate_bp);

  g_string_append (details, frequency);
  if (access->right_cents >= 0)
    {
      g_autofree char *right = format_cents (access->right_cents);

      g_string_append (details, " · ");
      if (access->right_by_hand)
        /* Translators: the grocery right of an access record, changed for the household */
        g_string_append_printf (details, _("right %s a month, set for this household"), right);
      else
        /* Translators: the grocery right of an access record, by the rule of the settings */
        g_string_append_printf (details, _("right %s a month"), right);
      g_string_append (details, " · ");
      /* Translators: "participation 20 %" */
      g_string_append_printf (details, _("participation %s"), rate);
    }
  if (access->partner != NULL)
    g_string_append_printf (details, " · %s", access->partner);
  if (access->worker != NULL)
    g_string_append_printf (details, " · %s", access->worker);
  if (access->follows_id != 0)
    g_string_append_printf (details, " · %s", _("renewal"));
  return g_string_free (g_steal_pointer (&details), FALSE);
}

/* What the desk may know today: valid until when, what is left */
char *
acu_food_access_dup_status (AcuStore *store,
                            gint64    household_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *end = NULL;
  g_autofree char *start = NULL;
  AcuFoodStatus status;

  if (!acu_food_get_status (store, household_id, NULL, &status, &error))
    return g_strdup (error->message);
  end = acu_date_to_display (status.end_day);
  start = acu_date_to_display (status.start_day);
  switch (status.state)
    {
    case ACU_FOOD_ACCESS_VALID:
      if (status.right_cents >= 0)
        {
          g_autofree char *left = format_cents (status.left_cents);

          return g_strdup_printf (_("Access is valid until %s; %s of the grocery right left this month."), end, left);
        }
      return g_strdup_printf (_("Access is valid until %s."), end);
    case ACU_FOOD_ACCESS_EXPIRED:
      return g_strdup_printf (_("Access expired on %s: renew it below."), end);
    case ACU_FOOD_ACCESS_NOT_YET:
      return g_strdup_printf (_("Access starts on %s."), start);
    case ACU_FOOD_ACCESS_NONE:
    default:
      return g_strdup (_("This household has never had access to food aid."));
    }
}

static void
set_combo_to_partner (AcuFoodAccessDialog *self,
                      gint64               partner_id)
{
  guint selected = 0;

  for (guint i = 0; self->partners != NULL && i < self->partners->len; i++)
    if (((AcuCatalogueEntry *) g_ptr_array_index (self->partners, i))->id == partner_id)
      selected = i + 1;
  adw_combo_row_set_selected (self->partner_row, selected);
}

/* The form follows the last record: renewing keeps what it said */
static void
fill_form_from (AcuFoodAccessDialog *self,
                const AcuFoodAccess *last)
{
  guint frequency = OTHER_FREQUENCY;

  gtk_editable_set_text (GTK_EDITABLE (self->worker_row), last->worker ? last->worker : "");
  set_combo_to_partner (self, last->partner_id);
  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    if (modes[i] == last->mode)
      adw_combo_row_set_selected (self->mode_row, i);
  for (guint i = 0; i < G_N_ELEMENTS (frequencies); i++)
    if (frequencies[i].times == last->times && frequencies[i].period == last->period)
      frequency = i;
  adw_combo_row_set_selected (self->frequency_row, frequency);
  gtk_spin_button_set_value (self->times_spin, last->times);
  gtk_drop_down_set_selected (self->period_dropdown, last->period == ACU_FOOD_PERIOD_WEEK ? 0 : 1);
  if (last->right_by_hand && last->right_cents >= 0)
    {
      g_autofree char *right = acu_decimal_to_user (last->right_cents, 2, 2);

      gtk_editable_set_text (GTK_EDITABLE (self->right_row), right);
    }
  {
    g_autofree char *rate = acu_decimal_to_user (last->rate_bp, 2, 0);

    gtk_editable_set_text (GTK_EDITABLE (self->rate_row), rate);
  }
}

static void
load_history (AcuFoodAccessDialog *self,
              gboolean             fill_form)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;

  for (guint i = 0; i < self->history_rows->len; i++)
    adw_preferences_group_remove (self->history_group, g_ptr_array_index (self->history_rows, i));
  g_ptr_array_set_size (self->history_rows, 0);
  self->last_id = 0;

  records = acu_food_access_list (self->store, self->household_id, &error);
  if (records == NULL)
    {
      adw_preferences_group_set_description (self->history_group, error->message);
      return;
    }
  status = acu_food_access_dup_status (self->store, self->household_id);
  if (self->household_line != NULL)
    {
      /* Translators: the household, then its access today: "Household no. 12 · 1 adult, 1 child. Access is valid until 01/03/2027." */
      g_autofree char *description = g_strdup_printf (_("%s. %s"), self->household_line, status);

      adw_preferences_group_set_description (self->history_group, description);
    }
  else
    adw_preferences_group_set_description (self->history_group, status);
  for (guint i = 0; i < records->len; i++)
    {
      const AcuFoodAccess *access = g_ptr_array_index (records, i);
      g_autofree char *title = access_title (access);
      g_autofree char *details = access_details (access);
      g_autofree char *escaped_title = g_markup_escape_text (title, -1);
      g_autofree char *escaped_details = g_markup_escape_text (details, -1);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_details);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_preferences_group_add (self->history_group, row);
      g_ptr_array_add (self->history_rows, row);
    }
  if (records->len > 0)
    {
      const AcuFoodAccess *last = g_ptr_array_index (records, 0);

      self->last_id = last->id;
      if (fill_form)
        fill_form_from (self, last);
    }
  adw_preferences_group_set_title (self->grant_group, self->last_id ? _("Renew Access") : _("Grant Access"));
  adw_preferences_group_set_description (self->grant_group,
                                         self->last_id
                                         ? _("A renewal is a new record that follows the last one: the history "
                                             "is kept.")
                                         : NULL);
  gtk_button_set_label (self->grant_button, self->last_id ? _("_Renew Access") : _("_Grant Access"));
}

/* The grant form */

static AcuFoodMode
selected_mode (AcuFoodAccessDialog *self)
{
  guint i = adw_combo_row_get_selected (self->mode_row);

  return i < G_N_ELEMENTS (modes) ? modes[i] : ACU_FOOD_MODE_PARCEL;
}

static void
mode_changed_cb (AcuFoodAccessDialog *self)
{
  gboolean grocery = selected_mode (self) != ACU_FOOD_MODE_PARCEL;

  gtk_widget_set_visible (GTK_WIDGET (self->rule_row), grocery);
  gtk_widget_set_visible (GTK_WIDGET (self->right_row), grocery);
  gtk_widget_set_visible (GTK_WIDGET (self->rate_row), grocery);
}

static void
frequency_changed_cb (AcuFoodAccessDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->times_row),
                          adw_combo_row_get_selected (self->frequency_row) == OTHER_FREQUENCY);
}

static void
set_end_months (AcuFoodAccessDialog *self,
                guint                months)
{
  g_autofree char *start = acu_date_from_user (gtk_editable_get_text (GTK_EDITABLE (self->start_row)));
  g_autofree char *end = NULL;
  g_autofree char *display = NULL;
  GDate date;

  if (start == NULL || !acu_date_parse (start, &date))
    {
      show_field_error (self, self->grant_error, GTK_WIDGET (self->start_row),
                        _("Type the first day as 31/12/2026, then choose how long."));
      return;
    }
  /* 3 months from 01/03 run to 31/05 */
  g_date_add_months (&date, months);
  g_date_subtract_days (&date, 1);
  end = acu_date_format (&date);
  display = acu_date_to_display (end);
  gtk_editable_set_text (GTK_EDITABLE (self->end_row), display);
}

static void
three_months_clicked_cb (AcuFoodAccessDialog *self)
{
  set_end_months (self, 3);
}

static void
six_months_clicked_cb (AcuFoodAccessDialog *self)
{
  set_end_months (self, 6);
}

static void
start_changed_cb (AcuFoodAccessDialog *self)
{
  if (error_is_on (self, GTK_WIDGET (self->start_row)))
    clear_field_error (self);
}

/* The grocery right by the rule for the household as it is; @fill: the
 * form takes it and the default participation (else the right typed
 * follows the rule only if it was the rule's) */
static void
show_rule (AcuFoodAccessDialog *self,
           gboolean             fill)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *typed_right = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->right_row)));
  g_autofree char *old_rule = self->rule_cents >= 0 ? acu_decimal_to_user (self->rule_cents, 2, 2) : NULL;
  AcuFoodSettings settings;
  AcuFoodHousehold household;

  fill = fill || g_strcmp0 (typed_right, old_rule) == 0;
  self->rule_cents = -1;
  if (!acu_food_get_settings (self->store, &settings, &error)
      || !acu_food_count_household (self->store, self->household_id, NULL, &household, &error))
    {
      adw_action_row_set_subtitle (self->rule_row, error->message);
      gtk_label_set_label (self->rule_label, "—");
      return;
    }
  self->rule_cents = acu_food_right_by_rule (&settings, &household);
  {
    g_autofree char *words = household_words (&household);
    g_autofree char *subtitle = g_strdup_printf (_("For %s, by the rule set in Preferences"), words);
    g_autofree char *escaped = g_markup_escape_text (subtitle, -1);
    g_autofree char *right = format_cents (self->rule_cents);
    g_autofree char *typed = acu_decimal_to_user (self->rule_cents, 2, 2);

    adw_action_row_set_subtitle (self->rule_row, escaped);
    gtk_label_set_label (self->rule_label, right);
    if (fill)
      gtk_editable_set_text (GTK_EDITABLE (self->right_row), typed);
  }
  if (*gtk_editable_get_text (GTK_EDITABLE (self->rate_row)) == '\0')
    {
      g_autofree char *rate = acu_decimal_to_user (settings.rate_bp, 2, 0);

      gtk_editable_set_text (GTK_EDITABLE (self->rate_row), rate);
    }
}

static void
rule_clicked_cb (AcuFoodAccessDialog *self)
{
  g_autofree char *typed = NULL;

  if (self->rule_cents < 0)
    return;
  typed = acu_decimal_to_user (self->rule_cents, 2, 2);
  gtk_editable_set_text (GTK_EDITABLE (self->right_row), typed);
}

static void
rate_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AcuFoodAccessDialog *self = ACU_FOOD_ACCESS_DIALOG (widget);
  g_autofree char *rate = acu_decimal_to_user (g_variant_get_int32 (parameter), 2, 0);

  gtk_editable_set_text (GTK_EDITABLE (self->rate_row), rate);
}

/* The field a refusal of the core is about, found from what was typed */
static GtkWidget *
field_of_refusal (AcuFoodAccessDialog      *self,
                  const AcuFoodAccessDraft *draft)
{
  if (draft->start_day == NULL || !acu_date_parse (draft->start_day, NULL))
    return GTK_WIDGET (self->start_row);
  if (draft->end_day == NULL || !acu_date_parse (draft->end_day, NULL)
      || acu_date_compare (draft->end_day, draft->start_day) < 0)
    return GTK_WIDGET (self->end_row);
  if (draft->mode != ACU_FOOD_MODE_PARCEL && (draft->rate_bp < 0 || draft->rate_bp > 10000))
    return GTK_WIDGET (self->rate_row);
  return NULL;
}

static void
grant_clicked_cb (AcuFoodAccessDialog *self)
{
  g_autofree char *start = acu_date_from_user (gtk_editable_get_text (GTK_EDITABLE (self->start_row)));
  g_autofree char *end = acu_date_from_user (gtk_editable_get_text (GTK_EDITABLE (self->end_row)));
  g_autofree char *worker = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->worker_row))));
  g_autoptr(GError) error = NULL;
  guint partner = adw_combo_row_get_selected (self->partner_row);
  guint frequency = adw_combo_row_get_selected (self->frequency_row);
  AcuFoodAccessDraft draft = {
    .household_id = self->household_id,
    .follows_id = self->last_id,
    .worker = *worker ? worker : NULL,
    .start_day = start,
    .end_day = end,
    .mode = selected_mode (self),
    .right_cents = -1,
    .rate_bp = -1,
  };
  gint64 right, rate;

  clear_field_error (self);
  if (self->partners != NULL && partner > 0 && partner <= self->partners->len)
    draft.partner_id = ((AcuCatalogueEntry *) g_ptr_array_index (self->partners, partner - 1))->id;
  if (frequency < OTHER_FREQUENCY)
    {
      draft.times = frequencies[frequency].times;
      draft.period = frequencies[frequency].period;
    }
  else
    {
      draft.times = gtk_spin_button_get_value_as_int (self->times_spin);
      draft.period = gtk_drop_down_get_selected (self->period_dropdown) == 0 ? ACU_FOOD_PERIOD_WEEK
                                                                              : ACU_FOOD_PERIOD_MONTH;
    }
  if (draft.mode != ACU_FOOD_MODE_PARCEL)
    {
      if (!acu_decimal_from_user (gtk_editable_get_text (GTK_EDITABLE (self->right_row)), 2, &right))
        {
          show_field_error (self, self->grant_error, GTK_WIDGET (self->right_row),
                            _("Type the grocery right in euros, such as 35,00."));
          return;
        }
      if (!acu_decimal_from_user (gtk_editable_get_text (GTK_EDITABLE (self->rate_row)), 2, &rate))
        {
          show_field_error (self, self->grant_error, GTK_WIDGET (self->rate_row),
                            _("Type the participation as a percentage, such as 20."));
          return;
        }
      /* The rule's amount stays "by the rule" */
      draft.right_cents = right == self->rule_cents ? -1 : right;
      draft.rate_bp = rate > G_MAXINT ? G_MAXINT : (int) rate;
    }

  if (acu_food_access_grant (self->store, &draft, &error) == 0)
    {
      show_field_error (self, self->grant_error, field_of_refusal (self, &draft), error->message);
      return;
    }
  {
    g_autofree char *until = acu_date_to_display (end);
    g_autofree char *message = g_strdup_printf (_("Access granted until %s."), until);

    toast (self, message);
  }
  load_history (self, FALSE);
}

/* The reste-à-vivre helper */

/* "2,5" shares, "3", "1,8" */
static char *
format_shares (guint shares_x100)
{
  return acu_decimal_to_user (shares_x100, 2, 0);
}

/* The lines typed, or FALSE with the message by the field that is wrong */
static gboolean
collect_lines (AcuFoodAccessDialog  *self,
               GArray              **lines,
               gboolean              show_errors)
{
  g_autoptr(GArray) collected = g_array_new (FALSE, TRUE, sizeof (AcuBudgetLine));

  for (guint i = 0; i < self->budget_rows->len; i++)
    {
      GtkEditable *row = g_ptr_array_index (self->budget_rows, i);
      const char *text = gtk_editable_get_text (row);
      AcuBudgetLine line = { .label_id = ((AcuBudgetLabel *) g_ptr_array_index (self->labels, i))->id };
      g_autofree char *clean = g_strstrip (g_strdup (text));

      if (*clean == '\0')
        continue;
      if (!acu_decimal_from_user (clean, 2, &line.cents))
        {
          if (show_errors)
            show_field_error (self, self->budget_error, GTK_WIDGET (row),
                              _("Type a monthly amount in euros, such as 1 250,00, or leave it empty."));
          sodium_memzero (collected->data, collected->len * sizeof (AcuBudgetLine));
          return FALSE;
        }
      g_array_append_val (collected, line);
    }
  *lines = g_steal_pointer (&collected);
  return TRUE;
}

static void
show_result (AcuFoodAccessDialog *self)
{
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GError) error = NULL;
  AcuResteAVivre result;

  gtk_widget_set_visible (GTK_WIDGET (self->verdict_label), FALSE);
  gtk_label_set_label (self->shares_label, "");
  if (!self->budget_readable)
    return;
  if (!collect_lines (self, &lines, FALSE))
    {
      gtk_label_set_label (self->formula_label, _("An amount is not written as euros: the result shows once it is."));
      return;
    }
  if (lines->len == 0)
    {
      gtk_label_set_label (self->formula_label,
                           _("Type the household’s resources and fixed charges a month: the result shows here."));
      return;
    }
  if (!acu_food_reste_a_vivre (self->store, self->household_id, (const AcuBudgetLine *) lines->data, lines->len,
                               &result, &error))
    {
      gtk_label_set_label (self->formula_label, error->message);
      sodium_memzero (lines->data, lines->len * sizeof (AcuBudgetLine));
      return;
    }
  sodium_memzero (lines->data, lines->len * sizeof (AcuBudgetLine));
  {
    g_autofree char *resources = format_cents (result.resources_cents);
    g_autofree char *charges = format_cents (result.charges_cents);
    g_autofree char *shares = format_shares (result.shares_x100);
    g_autofree char *per_day = format_cents (result.per_day_cents);
    g_autofree char *threshold = format_cents (result.threshold_cents);
    g_autofree char *formula = NULL;
    g_autofree char *verdict = NULL;

    /* Translators: the reste-à-vivre helper's formula with the household's
     * numbers: "(1 250,00 € − 640,00 €) ÷ 2,5 shares ÷ 30 days = 8,13 € a
     * share a day; threshold 8,00 €". The plural follows the shares, 1 and
     * below singular. */
    formula = g_strdup_printf (ngettext ("(%s − %s) ÷ %s share ÷ 30 days = %s a share a day; threshold %s",
                                         "(%s − %s) ÷ %s shares ÷ 30 days = %s a share a day; threshold %s",
                                         result.shares_x100 <= 100 ? 1 : 2),
                               resources, charges, shares, per_day, threshold);
    gtk_label_set_label (self->formula_label, formula);
    verdict = result.below
              ? g_strdup_printf (_("Below the threshold of %s a share a day."), threshold)
              : g_strdup_printf (_("Not below the threshold of %s a share a day."), threshold);
    gtk_label_set_label (self->verdict_label, verdict);
    gtk_widget_set_visible (GTK_WIDGET (self->verdict_label), TRUE);
    if (result.below)
      gtk_widget_add_css_class (GTK_WIDGET (self->verdict_label), "warning");
    else
      gtk_widget_remove_css_class (GTK_WIDGET (self->verdict_label), "warning");
    gtk_label_set_label (self->shares_label,
                         result.scale == ACU_FOOD_SCALE_OECD
                         ? _("Shares by the OECD scale: 1 for the first adult, 0,5 for each other person aged 14 "
                             "or over, 0,3 for each child under 14.")
                         : _("Shares by the default scale: 1 a person, and 0,5 more for a single parent."));
  }
}

static void
budget_changed_cb (AcuFoodAccessDialog *self,
                   GtkEditable         *row)
{
  if (error_is_on (self, GTK_WIDGET (row)))
    clear_field_error (self);
  show_result (self);
}

static void
save_budget_clicked_cb (AcuFoodAccessDialog *self)
{
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GError) error = NULL;
  gboolean saved;

  clear_field_error (self);
  if (!collect_lines (self, &lines, TRUE))
    return;
  saved = acu_food_budget_save (self->store, self->household_id, (const AcuBudgetLine *) lines->data, lines->len,
                                &error);
  sodium_memzero (lines->data, lines->len * sizeof (AcuBudgetLine));
  if (!saved)
    {
      show_field_error (self, self->budget_error, NULL, error->message);
      return;
    }
  toast (self, _("Budget saved, encrypted."));
}

static void
build_budget (AcuFoodAccessDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) lines = NULL;

  self->labels = acu_food_budget_labels (self->store, &error);
  if (self->labels != NULL)
    lines = acu_food_budget_read (self->store, self->household_id, &error);
  if (lines == NULL)
    {
      /* No confidential key, or the reading was refused: nothing to show */
      adw_preferences_group_set_description (self->resources_group, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->charges_group), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->save_budget_button), FALSE);
      gtk_label_set_label (self->formula_label, "");
      return;
    }
  self->budget_readable = TRUE;
  /* A hidden label shows only where the household's budget has its line */
  for (guint i = self->labels->len; i-- > 0;)
    {
      AcuBudgetLabel *label = g_ptr_array_index (self->labels, i);
      gboolean used = FALSE;

      for (guint j = 0; j < lines->len && !used; j++)
        used = g_array_index (lines, AcuBudgetLine, j).label_id == label->id;
      if (label->hidden && !used)
        g_ptr_array_remove_index (self->labels, i);
    }
  for (guint i = 0; i < self->labels->len; i++)
    {
      AcuBudgetLabel *label = g_ptr_array_index (self->labels, i);
      GtkWidget *row = adw_entry_row_new ();
      g_autofree char *escaped = g_markup_escape_text (label->label, -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      gtk_editable_set_alignment (GTK_EDITABLE (row), 1.0);
      adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_NUMBER);
      for (guint j = 0; j < lines->len; j++)
        if (g_array_index (lines, AcuBudgetLine, j).label_id == label->id)
          {
            g_autofree char *amount = acu_decimal_to_user (g_array_index (lines, AcuBudgetLine, j).cents, 2, 2);

            gtk_editable_set_text (GTK_EDITABLE (row), amount);
            sodium_memzero (amount, strlen (amount));
          }
      g_signal_connect_swapped (row, "changed", G_CALLBACK (budget_changed_cb), self);
      adw_preferences_group_add (label->kind == ACU_BUDGET_RESOURCE ? self->resources_group : self->charges_group,
                                 row);
      g_ptr_array_add (self->budget_rows, row);
    }
  sodium_memzero (lines->data, lines->len * sizeof (AcuBudgetLine));
  show_result (self);
}

/* The store */

static void
identity_changed_cb (AcuStore            *store,
                     AcuAreas             area,
                     AcuFoodAccessDialog *self)
{
  /* Someone else at the desk, or nobody: nothing of this stays on screen */
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
food_changed_cb (AcuStore            *store,
                 AcuAreas             area,
                 AcuFoodAccessDialog *self)
{
  load_history (self, FALSE);
}

static void
people_changed_cb (AcuStore            *store,
                   AcuAreas             area,
                   AcuFoodAccessDialog *self)
{
  /* A member added or gone: the rule and the shares change */
  show_rule (self, FALSE);
  show_result (self);
}

static void
page_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AcuFoodAccessDialog *self = ACU_FOOD_ACCESS_DIALOG (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, g_variant_get_string (parameter, NULL));
}

static void
acu_food_access_dialog_dispose (GObject *object)
{
  AcuFoodAccessDialog *self = ACU_FOOD_ACCESS_DIALOG (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  /* The amounts typed leave the fields */
  for (guint i = 0; self->budget_rows != NULL && i < self->budget_rows->len; i++)
    gtk_editable_set_text (g_ptr_array_index (self->budget_rows, i), "");
  g_clear_object (&self->store);
  g_clear_object (&self->error_row);
  g_clear_pointer (&self->history_rows, g_ptr_array_unref);
  g_clear_pointer (&self->partners, g_ptr_array_unref);
  g_clear_pointer (&self->labels, g_ptr_array_unref);
  g_clear_pointer (&self->budget_rows, g_ptr_array_unref);
  g_clear_pointer (&self->household_line, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACU_TYPE_FOOD_ACCESS_DIALOG);
  G_OBJECT_CLASS (acu_food_access_dialog_parent_class)->dispose (object);
}

static void
acu_food_access_dialog_class_init (AcuFoodAccessDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = acu_food_access_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/acuelh/Acuelh/acu-food-access-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AcuFoodAccessDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodAccessDialog, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodAccessDialog, view_stack);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodAccessDialog, history_group);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodAccessDialog, grant_group);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodAccessDialog, worker_row);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodAccessDialog, partner_row);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodAccessDialog, start_row);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodAccessDialog, end_row);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodAccessDialog, three_months_button);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodAccessDialog, six_months_button);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodAccessDialog, mode_row);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodAccessDialog, frequency_row);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodAccessDialog, times_row);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodAccessDialog, times_spin);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodAccessDialog, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodAccessDialog, rule_row);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodAccessDialog, rule_label);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodAccessDialog, right_row);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodAccessDialog, rate_row);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodAccessDialog, grant_error);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodAccessDialog, grant_button);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodAccessDialog, resources_group);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodAccessDialog, charges_group);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodAccessDialog, formula_label);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodAccessDialog, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodAccessDialog, shares_label);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodAccessDialog, budget_error);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodAccessDialog, save_budget_button);
  gtk_widget_class_bind_template_callback (widget_class, start_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, three_months_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, six_months_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, mode_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, frequency_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, rule_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, grant_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_budget_clicked_cb);

  /* The participation offered in one click (10, 20, 30 %) */
  gtk_widget_class_install_action (widget_class, "access.rate", "i", rate_action);
  /* Alt+1, Alt+2: the two pages */
  gtk_widget_class_install_action (widget_class, "access.page", "s", page_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "access.page", "s", "access");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "access.page", "s", "budget");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
acu_food_access_dialog_init (AcuFoodAccessDialog *self)
{
  g_autoptr(GtkStringList) mode_labels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) frequency_labels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->history_rows = g_ptr_array_new ();
  self->budget_rows = g_ptr_array_new ();
  self->error_row = acu_field_error_new ();
  self->rule_cents = -1;

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    gtk_string_list_append (mode_labels, acu_food_mode_get_label (modes[i]));
  adw_combo_row_set_model (self->mode_row, G_LIST_MODEL (mode_labels));
  for (guint i = 0; i < G_N_ELEMENTS (frequencies); i++)
    {
      g_autofree char *label = acu_food_frequency_dup_label (frequencies[i].times, frequencies[i].period);

      gtk_string_list_append (frequency_labels, label);
    }
  gtk_string_list_append (frequency_labels, _("Another frequency"));
  adw_combo_row_set_model (self->frequency_row, G_LIST_MODEL (frequency_labels));
  mode_changed_cb (self);
  frequency_changed_cb (self);
}

void
acu_food_access_dialog_present (GtkWidget *parent,
                                AcuStore  *store,
                                gint64     household_id)
{
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GtkStringList) partner_labels = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *today = acu_date_today ();
  g_autofree char *today_display = acu_date_to_display (today);
  g_autofree char *title = NULL;
  AcuFoodAccessDialog *self;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (ACU_IS_STORE (store));

  /* The core says who may see access records: volunteers may not */
  history = acu_food_access_list (store, household_id, &error);
  if (history == NULL)
    {
      acu_widget_show_toast (parent, error->message);
      return;
    }

  self = g_object_new (ACU_TYPE_FOOD_ACCESS_DIALOG,
                       "transient-for", GTK_WINDOW (gtk_widget_get_root (parent)),
                       NULL);
  self->store = g_object_ref (store);
  self->household_id = household_id;

  members = acu_household_list_members (store, household_id, NULL);
  if (members != NULL && members->len > 0)
    {
      g_autofree char *summary = acu_household_summary (members, today);

      /* Translators: "Household no. 12 · 2 adults, 1 child" */
      self->household_line = g_strdup_printf (_("Household no. %lld · %s"), (long long) household_id, summary);
    }
  else
    self->household_line = g_strdup_printf (_("Household no. %lld"), (long long) household_id);
  /* Its name in the list of windows; the header shows it when too narrow for the tabs */
  adw_view_switcher_title_set_title (self->switcher_title, self->household_line);
  /* Translators: the window's title: "Food Aid Access · Household no. 12" */
  title = g_strdup_printf (_("%s · %s"), _("Food Aid Access"), self->household_line);
  gtk_window_set_title (GTK_WINDOW (self), title);

  self->partners = acu_catalogue_list (store, ACU_CATALOGUE_PARTNER, FALSE, NULL);
  gtk_string_list_append (partner_labels, _("None"));
  for (guint i = 0; self->partners != NULL && i < self->partners->len; i++)
    gtk_string_list_append (partner_labels, ((AcuCatalogueEntry *) g_ptr_array_index (self->partners, i))->label);
  adw_combo_row_set_model (self->partner_row, G_LIST_MODEL (partner_labels));

  gtk_editable_set_text (GTK_EDITABLE (self->start_row), today_display);
  show_rule (self, TRUE);
  load_history (self, TRUE);
  build_budget (self);

  g_signal_connect (store, "changed::identity", G_CALLBACK (identity_changed_cb), self);
  g_signal_connect (store, "changed::food", G_CALLBACK (food_changed_cb), self);
  g_signal_connect (store, "changed::people", G_CALLBACK (people_changed_cb), self);

  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->end_row));
}
