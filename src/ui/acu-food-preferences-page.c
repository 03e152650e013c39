/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-food-preferences-page"

#include "config.h"

#include <glib/gi18n.h>

#include "acu-catalogue-editor.h"
#include "acu-food.h"
#include "acu-food-preferences-page.h"
#include "acu-people.h"
#include "acu-ui-util.h"

/* Food aid's settings, kept in the database (acu_food_get_settings and
 * acu_food_set_settings: coordinators change them, the core refuses
 * anyone else). A value applies with Enter or its apply button; what the
 * core refuses shows under its group, the field marked, and nothing
 * changes. Turning on a sensitive flag asks first, with the CNIL
 * reminder. The lists of budget lines (resources, then charges) and of
 * food-aid categories (food, then hygiene and cleaning, with the weight
 * of a piece) are the editor of Preferences' other lists. */

struct _AcuFoodPreferencesPage
{
  AdwPreferencesPage  parent_instance;

  AdwEntryRow        *right_single_row;
  AdwEntryRow        *right_couple_row;
  AdwEntryRow        *right_child_row;
  AdwEntryRow        *rate_row;
  AdwComboRow        *scale_row;
  AdwEntryRow        *threshold_row;
  GtkSwitch          *disability_switch;
  GtkSwitch          *third_country_switch;
  GtkSwitch          *foreign_background_switch;
  GtkLabel           *sensitive_error;
  AcuCatalogueEditor *budget_group;
  AcuCatalogueEditor *categories_group;

  AcuStore           *store;
  GtkWidget          *error_row;      /* a message under the field it is about */
  gboolean            loading;
};

G_DEFINE_FINAL_TYPE (AcuFoodPreferencesPage, acu_food_preferences_page, ADW_TYPE_PREFERENCES_PAGE)

static void
clear_errors (AcuFoodPreferencesPage *self)
{
  acu_field_error_hide (self->error_row);
  gtk_widget_set_visible (GTK_WIDGET (self->sensitive_error), FALSE);
}

/* @message next to the field @widget is (or is in), or under the page's
 * last group when it is about no field */
static void
show_error (AcuFoodPreferencesPage *self,
            GtkWidget              *widget,
            const char             *message)
{
  GtkWidget *row = widget != NULL && !GTK_IS_LIST_BOX_ROW (widget)
                   ? gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_BOX_ROW) : widget;

  clear_errors (self);
  if (row != NULL)
    {
      acu_field_error_show (self->error_row, row, message);
      return;
    }
  gtk_label_set_label (self->sensitive_error, message);
  gtk_widget_set_visible (GTK_WIDGET (self->sensitive_error), TRUE);
}

static void
set_money (AdwEntryRow *row,
           gint64       value,
           guint        min_decimals)
{
  g_autofree char *text = acu_decimal_to_user (value, 2, min_decimals);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* The values stored, shown again */
static void
load (AcuFoodPreferencesPage *self)
{
  g_autoptr(GError) error = NULL;
  AcuFoodSettings settings;

  if (self->store == NULL || !acu_food_get_settings (self->store, &settings, &error))
    {
      if (error != NULL)
        show_error (self, NULL, error->message);
      return;
    }
  self->loading = TRUE;
  set_money (self->right_single_row, settings.right_single_cents, 2);
  set_money (self->right_couple_row, settings.right_couple_cents, 2);
  set_money (self->right_child_row, settings.right_child_cents, 2);
  set_money (self->rate_row, settings.rate_bp, 0);
  set_money (self->threshold_row, settings.threshold_cents, 2);
  adw_combo_row_set_selected (self->scale_row, settings.scale == ACU_FOOD_SCALE_OECD ? 1 : 0);
  gtk_switch_set_active (self->disability_switch, settings.record_disability);
  gtk_switch_set_active (self->third_country_switch, settings.record_third_country);
  gtk_switch_set_active (self->foreign_background_switch, settings.record_foreign_background);
  self->loading = FALSE;
}

/* The settings stored with @change made; FALSE with the core's message
 * by @row, and the stored values shown again */
typedef void (*Change) (AcuFoodSettings *settings,
                        gpointer         data);

static gboolean
apply (AcuFoodPreferencesPage *self,
       GtkWidget              *row,
       Change                  change,
       gpointer                data)
{
  g_autoptr(GError) error = NULL;
  AcuFoodSettings settings;

  if (self->store == NULL)
    return FALSE;
  if (!acu_food_get_settings (self->store, &settings, &error))
    {
      show_error (self, row, error->message);
      return FALSE;
    }
  change (&settings, data);
  if (!acu_food_set_settings (self->store, &settings, &error))
    {
      show_error (self, row, error->message);
      return FALSE;
    }
  clear_errors (self);
  return TRUE;
}

typedef struct
{
  AcuFoodPreferencesPage *self;
  GtkWidget              *row;
  gint64                  value;
} Typed;

static void
change_value (AcuFoodSettings *settings,
              gpointer         data)
{
  Typed *typed = data;
  AcuFoodPreferencesPage *self = typed->self;

  if (typed->row == GTK_WIDGET (self->right_single_row))
    settings->right_single_cents = typed->value;
  else if (typed->row == GTK_WIDGET (self->right_couple_row))
    settings->right_couple_cents = typed->value;
  else if (typed->row == GTK_WIDGET (self->right_child_row))
    settings->right_child_cents = typed->value;
  else if (typed->row == GTK_WIDGET (self->threshold_row))
    settings->threshold_cents = typed->value;
  else if (typed->row == GTK_WIDGET (self->rate_row))
    settings->rate_bp = typed->value > G_MAXINT ? G_MAXINT : (int) typed->value;
}

static void
money_applied_cb (AcuFoodPreferencesPage *self,
                  AdwEntryRow            *row)
{
  Typed typed = { self, GTK_WIDGET (row), 0 };

  if (self->loading)
    return;
  if (!acu_decimal_from_user (gtk_editable_get_text (GTK_EDITABLE (row)), 2, &typed.value))
    {
      show_error (self, GTK_WIDGET (row),
                  row == self->rate_row ? _("Type the participation as a percentage, such as 20.")
                                        : _("Type an amount in euros, such as 8,00."));
      return;
    }
  apply (self, GTK_WIDGET (row), change_value, &typed);
}

static void
change_scale (AcuFoodSettings *settings,
              gpointer         data)
{
  settings->scale = GPOINTER_TO_INT (data);
}

static void
scale_changed_cb (AcuFoodPreferencesPage *self)
{
  AcuFoodScale scale = adw_combo_row_get_selected (self->scale_row) == 1 ? ACU_FOOD_SCALE_OECD
                                                                          : ACU_FOOD_SCALE_DEFAULT;

  if (!self->loading && !apply (self, GTK_WIDGET (self->scale_row), change_scale, GINT_TO_POINTER (scale)))
    load (self);
}

/* The sensitive flags */

static void
change_flag (AcuFoodSettings *settings,
             gpointer         data)
{
  GtkSwitch *toggle = data;
  AcuFoodPreferencesPage *self = ACU_FOOD_PREFERENCES_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (toggle),
                                                                                     ACU_TYPE_FOOD_PREFERENCES_PAGE));
  gboolean on = gtk_switch_get_active (toggle);

  if (toggle == self->disability_switch)
    settings->record_disability = on;
  else if (toggle == self->third_country_switch)
    settings->record_third_country = on;
  else
    settings->record_foreign_background = on;
}

static AcuSensitive
field_of (AcuFoodPreferencesPage *self,
          GtkSwitch              *toggle)
{
  if (toggle == self->disability_switch)
    return ACU_SENSITIVE_DISABILITY;
  if (toggle == self->third_country_switch)
    return ACU_SENSITIVE_THIRD_COUNTRY;
  return ACU_SENSITIVE_FOREIGN_BACKGROUND;
}

/* The switch back where it was: the person said no */
static void
undo_switch (AcuFoodPreferencesPage *self,
             GtkSwitch              *toggle)
{
  self->loading = TRUE;
  gtk_switch_set_active (toggle, gtk_switch_get_state (toggle));
  self->loading = FALSE;
}

/* Written: the switch's state follows; refused, the stored values again */
static void
apply_flag (AcuFoodPreferencesPage *self,
            GtkSwitch              *toggle)
{
  if (apply (self, GTK_WIDGET (toggle), change_flag, toggle))
    gtk_switch_set_state (toggle, gtk_switch_get_active (toggle));
  else
    {
      undo_switch (self, toggle);
      load (self);
    }
}

static void
record_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    GtkSwitch        *toggle)
{
  AcuFoodPreferencesPage *self = ACU_FOOD_PREFERENCES_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (toggle),
                                                                                     ACU_TYPE_FOOD_PREFERENCES_PAGE));

  if (self == NULL)
    return;
  if (g_str_equal (response, "record"))
    apply_flag (self, toggle);
  else
    undo_switch (self, toggle);
}

/* Off: the answers kept (hidden and counted nowhere while it is off) or
 * erased for good */
static void
stop_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  GtkSwitch        *toggle)
{
  AcuFoodPreferencesPage *self = ACU_FOOD_PREFERENCES_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (toggle),
                                                                                     ACU_TYPE_FOOD_PREFERENCES_PAGE));
  g_autoptr(GError) error = NULL;

  if (self == NULL)
    return;
  if (g_str_equal (response, "cancel"))
    {
      undo_switch (self, toggle);
      return;
    }
  apply_flag (self, toggle);
  if (g_str_equal (response, "erase") && !gtk_switch_get_state (toggle)
      && !acu_people_erase_sensitive (self->store, field_of (self, toggle), &error))
    show_error (self, GTK_WIDGET (toggle), error->message);
}

static void
ask_record (AcuFoodPreferencesPage *self,
            GtkSwitch              *toggle)
{
  AdwMessageDialog *dialog;
  const char *heading;

  if (toggle == self->disability_switch)
    heading = _("Record a Disability?");
  else if (toggle == self->third_country_switch)
    heading = _("Record Third-Country Nationals?");
  else
    heading = _("Record a Foreign Background?");
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading,
                                                       _("This is sensitive data (GDPR, article 9; the CNIL’s "
                                                         "advice): record it only if it is strictly needed for a "
                                                         "funder’s indicators, only with the person’s explicit "
                                                         "consent, after telling them why and that they may "
                                                         "refuse. Never guess it. It goes to the indicators as "
                                                         "counts only. Write it into the site’s record of "
                                                         "processing.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "record", _("_Record It"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "record", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (record_response_cb), toggle, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
ask_stop (AcuFoodPreferencesPage *self,
          GtkSwitch              *toggle,
          guint                   answers)
{
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;
  const char *heading;

  if (toggle == self->disability_switch)
    heading = _("Stop Recording a Disability?");
  else if (toggle == self->third_country_switch)
    heading = _("Stop Recording Third-Country Nationals?");
  else
    heading = _("Stop Recording a Foreign Background?");
  body = g_strdup_printf (g_dngettext (NULL,
                                       "%u person has an answer. Kept, it is shown to nobody and counted "
                                       "nowhere while this is off, and comes back if it is turned on again. "
                                       "Erased, it is gone for good, with the copies kept for the indicators.",
                                       "%u persons have an answer. Kept, the answers are shown to nobody and "
                                       "counted nowhere while this is off, and come back if it is turned on "
                                       "again. Erased, they are gone for good, with the copies kept for the "
                                       "indicators.",
                                       answers),
                          answers);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       heading, body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "keep", _("_Keep the Answers"),
                                    "erase", _("_Erase the Answers"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "erase", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (stop_response_cb), toggle, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GtkSwitch::state-set: the switch's state follows only once the flag is
 * stored; on after the reminder, off after the choice of what becomes
 * of the answers given */
static gboolean
flag_state_set_cb (AcuFoodPreferencesPage *self,
                   gboolean                state,
                   GtkSwitch              *toggle)
{
  g_autoptr(GError) error = NULL;
  guint answers;

  if (self->loading)
    return FALSE;
  if (state)
    {
      ask_record (self, toggle);
      return TRUE;
    }
  answers = acu_people_count_sensitive (self->store, field_of (self, toggle), &error);
  if (answers > 0)
    ask_stop (self, toggle, answers);
  else
    apply_flag (self, toggle);
  return TRUE;
}

static void
settings_changed_cb (AcuStore               *store,
                     AcuAreas                area,
                     AcuFoodPreferencesPage *self)
{
  load (self);
}

static void
acu_food_preferences_page_dispose (GObject *object)
{
  AcuFoodPreferencesPage *self = ACU_FOOD_PREFERENCES_PAGE (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->error_row);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACU_TYPE_FOOD_PREFERENCES_PAGE);
  G_OBJECT_CLASS (acu_food_preferences_page_parent_class)->dispose (object);
}

static void
acu_food_preferences_page_class_init (AcuFoodPreferencesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = acu_food_preferences_page_dispose;

  g_type_ensure (ACU_TYPE_CATALOGUE_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/acuelh/Acuelh/acu-food-preferences-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AcuFoodPreferencesPage, right_single_row);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodPreferencesPage, right_couple_row);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodPreferencesPage, right_child_row);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodPreferencesPage, rate_row);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodPreferencesPage, scale_row);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodPreferencesPage, threshold_row);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodPreferencesPage, disability_switch);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodPreferencesPage, third_country_switch);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodPreferencesPage, foreign_background_switch);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodPreferencesPage, sensitive_error);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodPreferencesPage, budget_group);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodPreferencesPage, categories_group);
  gtk_widget_class_bind_template_callback (widget_class, money_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, scale_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, flag_state_set_cb);
}

static void
acu_food_preferences_page_init (AcuFoodPreferencesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->error_row = acu_field_error_new ();
  acu_catalogue_editor_add_catalogue (self->budget_group, ACU_CATALOGUE_BUDGET_RESOURCE);
  acu_catalogue_editor_add_catalogue (self->budget_group, ACU_CATALOGUE_BUDGET_CHARGE);
  acu_catalogue_editor_add_catalogue (self->categories_group, ACU_CATALOGUE_FOOD_CATEGORY);
  acu_catalogue_editor_add_catalogue (self->categories_group, ACU_CATALOGUE_HYGIENE_CATEGORY);
}

void
acu_food_preferences_page_set_store (AcuFoodPreferencesPage *self,
                                     AcuStore               *store)
{
  g_return_if_fail (ACU_IS_FOOD_PREFERENCES_PAGE (self));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect (store, "changed::settings", G_CALLBACK (settings_changed_cb), self);
  acu_catalogue_editor_set_store (self->budget_group, store);
  acu_catalogue_editor_set_store (self->categories_group, store);
  load (self);
}
