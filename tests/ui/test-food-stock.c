/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <adwaita.h>

#include "acu-application.h"
#include "acu-audit.h"
#include "acu-catalogue.h"
#include "acu-date.h"
#include "acu-desk-people.h"
#include "acu-food.h"
#include "acu-food-access-dialog.h"
#include "acu-goods-movement-dialog.h"
#include "acu-food-preferences-page.h"
#include "acu-food-stock-page.h"
#include "acu-goods.h"
#include "acu-people.h"
#include "acu-people-page.h"
#include "acu-people-private.h"
#include "acu-preferences-window.h"
#include "acu-store.h"
#include "acu-store-private.h"
#include "acu-test-util.h"
#include "acu-ui-test.h"
#include "acu-ui-util.h"
#include "acu-unlock-page.h"
#include "acu-window.h"

/* The staff side of food aid through the real widgets. Staff grant a
 * household access from the People page (a wrong end date and a wrong
 * rate first: a message by the field, nothing written), renew it, and
 * use the reste-à-vivre helper with numbers counted by hand; the lines
 * are read back when the dialog opens again. A volunteer cannot open it,
 * records a delivery of several categories (a wrong weight first) and a
 * loss on the Food Stock page; staff correct the loss; a coordinator
 * closes a month and changes the settings. The database is read after
 * each step. */

#define SITE          "Tiers-lieu de Vic-Fezensac"
#define COORDINATOR   "Hélène Martin"
#define COORD_PW      "Tr3s-Secret!Gers#2026"
#define STAFF         "Paul Garcia"
#define STAFF_PW      "Autre-Secret!Astarac#77"
#define VOLUNTEER     "Monique Lafitte"
#define PIN           "2580"

typedef struct
{
  const char *lang;
  const char *rule;             /* the grocery right by the rule: 20 € + 5 € for the child */
  const char *end_before_start; /* the core's messages, as translated */
  const char *rate_too_high;
  const char *no_member;
  const char *first_title;      /* the first access record in the history */
  const char *first_details;
  const char *status;           /* the history's description, the household's number in %lld */
  const char *starts;           /* what the People page says of it to anyone */
  const char *renew_title;      /* the form's title once a record exists */
  const char *formula;          /* (1 250,00 − 640,00) ÷ 2,5 shares ÷ 30 days = 8,13 €, by hand */
  const char *verdict;
  const char *fruit_kg;         /* stock cards */
  const char *dairy_kg;
  const char *dairy_after_loss;
  const char *delivery_title;   /* the newest movement of the delivery */
  const char *delivery_details;
  const char *loss_corrected;   /* the loss once corrected */
  const char *correction;       /* the correction's description, the loss's id in %lld */
  const char *month_closed;
  const char *threshold_refused;
} Expected;

static const Expected expected_by_lang[] = {
  { "en", "25,00\u00a0€", "The end date comes before the start date.",
    "The participation rate must be between 0 and 100 %.",
    "This household has no member: add a person to it first.",
    "01/01/2030 to 31/03/2030 · Parcel and grocery",
    "Once a week · right 30,00\u00a0€ a month, set for this household · participation 10\u00a0% · CCAS · Mme Abadie",
    "Household no. %lld · 1 adult, 1 child. Access starts on 01/01/2030.",
    "Access starts on 01/01/2030.",
    "Renew Access",
    "(1\u202f250,00\u00a0€ − 640,00\u00a0€) ÷ 2,5 shares ÷ 30 days = 8,13\u00a0€ a share a day; threshold 8,00\u00a0€",
    "Not below the threshold of 8,00\u00a0€ a share a day.",
    "120,5\u00a0kg", "30,0\u00a0kg", "27,5\u00a0kg",
    "03/12/2026 · Dairy products · +30,0\u00a0kg",
    "Delivery · FSE+ products · lot L-2026-14 · expires 30/04/2027",
    "Expired · cancelled by a correction",
    "Correction of movement %lld",
    "This month is closed: its movements never change. Date the movement in an open month.",
    "The threshold must be between 0 and 100 € a share a day." },
  { "fr", "25,00\u00a0€", "La date de fin précède la date de début.",
    "Le taux de participation doit être compris entre 0 et 100\u00a0%.",
    "Ce foyer n’a aucun membre\u00a0: ajoutez-y d’abord une personne.",
    "Du 01/01/2030 au 31/03/2030 · Colis et épicerie",
    "Une fois par semaine · droit de 30,00\u00a0€ par mois, fixé pour ce foyer · participation de 10\u00a0% · CCAS · "
    "Mme Abadie",
    "Foyer n°\u00a0%lld · 1 adulte, 1 enfant. L’accès commence le 01/01/2030.",
    "L’accès commence le 01/01/2030.",
    "Renouveler l’accès",
    "(1\u202f250,00\u00a0€ − 640,00\u00a0€) ÷ 2,5 parts ÷ 30 jours = 8,13\u00a0€ par part et par jour\u00a0; "
    "seuil 8,00\u00a0€",
    "Pas sous le seuil de 8,00\u00a0€ par part et par jour.",
    "120,5\u00a0kg", "30,0\u00a0kg", "27,5\u00a0kg",
    "03/12/2026 · Produits laitiers · +30,0\u00a0kg",
    "Livraison · Produits FSE+ · lot L-2026-14 · date limite 30/04/2027",
    "Périmé · annulé par une correction",
    "Correction du mouvement n°\u00a0%lld",
    "Ce mois est clôturé\u00a0: ses mouvements ne changent plus. Datez le mouvement dans un mois ouvert.",
    "Le seuil doit être compris entre 0 et 100\u00a0€ par part et par jour." },
  { "oc", "25,00\u00a0€", "La data de fin ven abans la data de començament.",
    "Lo taus de participacion deu èsser entre 0 e 100 %.",
    "Aqueste ostal a pas cap de membre : ajustatz-i d’en primièr una persona.",
    "Del 01/01/2030 al 31/03/2030 · Paquet e espiçariá",
    "Un còp per setmana · drech de 30,00\u00a0€ per mes, fixat per aqueste ostal · participacion de 10\u00a0% · CCAS · "
    "Mme Abadie",
    "Ostal n°\u00a0%lld · 1 adult, 1 enfant. L’accès comença lo 01/01/2030.",
    "L’accès comença lo 01/01/2030.",
    "Renovelar l’accès",
    "(1\u202f250,00\u00a0€ − 640,00\u00a0€) ÷ 2,5 parts ÷ 30 jorns = 8,13\u00a0€ per part e per jorn\u00a0; "
    "lindal 8,00\u00a0€",
    "Pas jos lo lindal de 8,00\u00a0€ per part e per jorn.",
    "120,5\u00a0kg", "30,0\u00a0kg", "27,5\u00a0kg",
    "03/12/2026 · Produches lachièrs · +30,0\u00a0kg",
    "Liurason · Produches FSE+ · lòt L-2026-14 · data limita 30/04/2027",
    "Perimit · anullat per una correccion",
    "Correccion del moviment n° %lld",
    "Aqueste mes es clavat : sos moviments cambian pas mai. Datatz lo moviment dins un mes dobèrt.",
    "Lo lindal deu èsser entre 0 e 100 € per part e per jorn." },
};

static const Expected *expected;

#define child acu_ui_test_child
#define WAIT_UNTIL ACU_UI_WAIT_UNTIL

static gint64
query (AcuStore   *store,
       const char *sql)
{
  return acu_test_query_int (store, sql);
}

/* @format, one of this file's strings, with the id of a record in its %lld */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static char *
with_id (const char *format,
         gint64      id)
{
  return g_strdup_printf (format, (long long) id);
}
#pragma GCC diagnostic pop

static GtkListBoxRow *
sidebar_row (AcuWindow  *window,
             const char *name)
{
  GtkListBox *sidebar = child (window, ACU_TYPE_WINDOW, "sidebar");

  for (int i = 0; gtk_list_box_get_row_at_index (sidebar, i) != NULL; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (sidebar, i);

      if (g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (row)), name) == 0)
        return row;
    }
  return NULL;
}

static void
show_area (AcuWindow  *window,
           const char *name)
{
  g_signal_emit_by_name (child (window, ACU_TYPE_WINDOW, "sidebar"), "row-activated", sidebar_row (window, name));
  ck_assert_str_eq (acu_window_get_visible_page (window), name);
}

/* The open window of @type, or NULL */
static gpointer
find_window (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

/* The widgets of @type under @widget, depth first */
static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (c, type))
        g_ptr_array_add (found, c);
      collect (c, type, found);
    }
}

static gpointer
nth_of (gpointer widget,
        GType    type,
        guint    n)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (GTK_WIDGET (widget), type, found);
  ck_assert_msg (n < found->len, "no %s number %u", g_type_name (type), n);
  return g_ptr_array_index (found, n);
}

static guint
count_of (gpointer widget,
          GType    type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (GTK_WIDGET (widget), type, found);
  return found->len;
}

/* The message shown next to @field: the row just under it */
static const char *
message_by (gpointer field)
{
  GtkWidget *next = gtk_widget_get_next_sibling (GTK_WIDGET (field));

  ck_assert (gtk_widget_has_css_class (GTK_WIDGET (field), "error"));
  ck_assert_msg (next != NULL && g_strcmp0 (gtk_widget_get_name (next), "field-error") == 0,
                 "no message under the field");
  return acu_field_error_get_message (next);
}

static gboolean
has_message (gpointer field)
{
  GtkWidget *next = gtk_widget_get_next_sibling (GTK_WIDGET (field));

  return next != NULL && g_strcmp0 (gtk_widget_get_name (next), "field-error") == 0;
}

static void
type_in (gpointer    widget,
         const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

static void
click (gpointer button)
{
  g_signal_emit_by_name (button, "clicked");
}

/* The amount shown on the @n-th card of the stock (its second label) */
static const char *
stock_shown (AcuFoodStockPage *page,
             guint             n)
{
  GtkWidget *box = child (page, ACU_TYPE_FOOD_STOCK_PAGE, "stock_box");
  GtkWidget *card = gtk_flow_box_child_get_child (gtk_flow_box_get_child_at_index (GTK_FLOW_BOX (box), n));

  return gtk_label_get_label (nth_of (card, GTK_TYPE_LABEL, 1));
}

static guint
count_action (AcuStore   *store,
              const char *action,
              const char *person)
{
  g_autoptr(GPtrArray) entries = acu_audit_list (store, NULL, NULL, 0, action, 0, 1000, NULL);
  guint n = 0;

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    if (g_strcmp0 (((AcuAuditEntry *) g_ptr_array_index (entries, i))->person, person) == 0)
      n++;
  return n;
}

static void
identify (AcuWindow  *window,
          const char *name,
          const char *secret)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.lock-desk", NULL);
  WAIT_UNTIL (g_str_equal (acu_window_get_visible_page (window), "identify"));
  acu_ui_test_identify (window, name, secret);
  WAIT_UNTIL (g_str_equal (acu_window_get_visible_page (window), "reception"));
  ck_assert_str_eq (acu_store_get_person_name (acu_window_get_store (window)), name);
}

START_TEST (test_food_stock)
{
  g_autofree char *path = g_build_filename (acu_ui_test_data_dir, "vic.acuelh", NULL);
  g_autofree char *sql = NULL;
  g_autofree char *text = NULL;
  g_autoptr(AcuStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) partners = NULL;
  AcuPersonDraft mother = { .first_name = "Amina", .last_name = "Benali", .birth_date = "1990-05-12",
                            .gender = ACU_GENDER_WOMAN };
  AcuPersonDraft son = { .first_name = "Yanis", .last_name = "Benali", .birth_date = "2015-09-01",
                         .gender = ACU_GENDER_MAN };
  AcuSettings *settings = acu_application_get_settings (acu_ui_test_app);
  AcuFoodAccessDialog *dialog;
  AcuGoodsMovementDialog *movement;
  AcuFoodStockPage *stock_page;
  AcuPeoplePage *people_page;
  AcuUnlockPage *unlock_page;
  AcuWindow *window;
  AcuStore *open;
  gint64 household, empty, ccas, first_access, loss;

  /* The site: a coordinator, staff, a volunteer; a mother and her son
   * (a child until 2033), and a household left without members */
  store = acu_store_create (path, SITE, COORDINATOR, COORD_PW, NULL, &error);
  ck_assert_msg (store != NULL, "%s", error ? error->message : "");
  ck_assert_int_gt (acu_desk_person_add (store, STAFF, ACU_ROLE_STAFF, STAFF_PW, &error), 0);
  ck_assert_int_gt (acu_desk_person_add (store, VOLUNTEER, ACU_ROLE_VOLUNTEER, PIN, &error), 0);
  {
    g_autoptr(AcuPerson) amina = acu_person_get (store, acu_person_add (store, &mother, &error), &error);

    ck_assert_ptr_nonnull (amina);
    household = acu_person_get_household_id (amina);
  }
  son.household_id = household;
  ck_assert_int_gt (acu_person_add (store, &son, &error), 0);
  empty = acu_household_insert_unchecked (store, 0, "2026-01-05", 1767600000, &error);
  ck_assert_int_gt (empty, 0);
  partners = acu_catalogue_list (store, ACU_CATALOGUE_PARTNER, FALSE, &error);
  ccas = ((AcuCatalogueEntry *) g_ptr_array_index (partners, 0))->id;
  acu_store_close (store);
  g_clear_object (&store);

  acu_settings_set_delays (settings, 3600, 7200);
  acu_settings_set_last_database (settings, path);
  window = acu_window_new (acu_ui_test_app);
  gtk_window_present (GTK_WINDOW (window));
  unlock_page = child (window, ACU_TYPE_WINDOW, "unlock_page");
  gtk_editable_set_text (child (unlock_page, ACU_TYPE_UNLOCK_PAGE, "password_row"), COORD_PW);
  g_signal_emit_by_name (child (unlock_page, ACU_TYPE_UNLOCK_PAGE, "unlock_button"), "clicked");
  WAIT_UNTIL (g_str_equal (acu_window_get_visible_page (window), "reception"));
  open = acu_window_get_store (window);

  /* Staff open the household's access from the People page */
  identify (window, STAFF, STAFF_PW);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-record", "(sx)", "people", household);
  people_page = child (window, ACU_TYPE_WINDOW, "people_page");
  ck_assert (gtk_list_box_row_get_activatable (child (people_page, ACU_TYPE_PEOPLE_PAGE, "food_access_row")));

  /* The housing situation is an ordinary field of the household */
  adw_combo_row_set_selected (child (people_page, ACU_TYPE_PEOPLE_PAGE, "housing_row"), ACU_HOUSING_PRECARIOUS);
  click (child (people_page, ACU_TYPE_PEOPLE_PAGE, "save_button"));
  sql = g_strdup_printf ("SELECT count(*) FROM household WHERE id = %" G_GINT64_FORMAT " AND housing = 'precarious'",
                         household);
  ck_assert_int_eq (query (open, sql), 1);
  g_clear_pointer (&sql, g_free);

  g_signal_emit_by_name (child (people_page, ACU_TYPE_PEOPLE_PAGE, "food_access_row"), "activated");
  dialog = find_window (ACU_TYPE_FOOD_ACCESS_DIALOG);
  ck_assert_ptr_nonnull (dialog);
  ck_assert_str_eq (gtk_label_get_label (child (dialog, ACU_TYPE_FOOD_ACCESS_DIALOG, "rule_label")), expected->rule);
  ck_assert_str_eq (gtk_editable_get_text (child (dialog, ACU_TYPE_FOOD_ACCESS_DIALOG, "right_row")), "25,00");
  ck_assert_str_eq (gtk_editable_get_text (child (dialog, ACU_TYPE_FOOD_ACCESS_DIALOG, "rate_row")), "20");

  /* Grocery and parcels, once a week, 30 € a month at 10 % */
  type_in (child (dialog, ACU_TYPE_FOOD_ACCESS_DIALOG, "worker_row"), "Mme Abadie");
  adw_combo_row_set_selected (child (dialog, ACU_TYPE_FOOD_ACCESS_DIALOG, "partner_row"), 1);
  adw_combo_row_set_selected (child (dialog, ACU_TYPE_FOOD_ACCESS_DIALOG, "mode_row"), 2);
  adw_combo_row_set_selected (child (dialog, ACU_TYPE_FOOD_ACCESS_DIALOG, "frequency_row"), 0);
  type_in (child (dialog, ACU_TYPE_FOOD_ACCESS_DIALOG, "right_row"), "30");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "access.rate", "i", 1000);
  ck_assert_str_eq (gtk_editable_get_text (child (dialog, ACU_TYPE_FOOD_ACCESS_DIALOG, "rate_row")), "10");
  type_in (child (dialog, ACU_TYPE_FOOD_ACCESS_DIALOG, "start_row"), "01/01/2030");

  /* An end before the start: the core's message by the end, nothing written */
  type_in (child (dialog, ACU_TYPE_FOOD_ACCESS_DIALOG, "end_row"), "31/12/2029");
  click (child (dialog, ACU_TYPE_FOOD_ACCESS_DIALOG, "grant_button"));
  ck_assert_str_eq (message_by (child (dialog, ACU_TYPE_FOOD_ACCESS_DIALOG, "end_row")), expected->end_before_start);
  ck_assert_int_eq (query (open, "SELECT count(*) FROM food_access"), 0);

  /* Three months from the start, in one click; a rate of 150 % */
  click (child (dialog, ACU_TYPE_FOOD_ACCESS_DIALOG, "three_months_button"));
  ck_assert_str_eq (gtk_editable_get_text (child (dialog, ACU_TYPE_FOOD_ACCESS_DIALOG, "end_row")), "31/03/2030");
  type_in (child (dialog, ACU_TYPE_FOOD_ACCESS_DIALOG, "rate_row"), "150");
  click (child (dialog, ACU_TYPE_FOOD_ACCESS_DIALOG, "grant_button"));
  ck_assert_str_eq (message_by (child (dialog, ACU_TYPE_FOOD_ACCESS_DIALOG, "rate_row")), expected->rate_too_high);
  ck_assert (!gtk_widget_has_css_class (child (dialog, ACU_TYPE_FOOD_ACCESS_DIALOG, "end_row"), "error"));
  ck_assert (!has_message (child (dialog, ACU_TYPE_FOOD_ACCESS_DIALOG, "end_row")));
  ck_assert_int_eq (query (open, "SELECT count(*) FROM food_access"), 0);

  /* Granted */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "access.rate", "i", 1000);
  click (child (dialog, ACU_TYPE_FOOD_ACCESS_DIALOG, "grant_button"));
  ck_assert (!has_message (child (dialog, ACU_TYPE_FOOD_ACCESS_DIALOG, "rate_row")));
  sql = g_strdup_printf ("SELECT count(*) FROM food_access WHERE household_id = %" G_GINT64_FORMAT
                         " AND follows_id IS NULL AND partner_id = %" G_GINT64_FORMAT " AND worker = 'Mme Abadie'"
                         " AND start_day = '2030-01-01' AND end_day = '2030-03-31' AND mode = 'both' AND times = 1"
                         " AND period = 'week' AND right_cents = 3000 AND right_by_hand = 1 AND rate_bp = 1000",
                         household, ccas);
  ck_assert_int_eq (query (open, sql), 1);
  g_clear_pointer (&sql, g_free);
  ck_assert_int_eq (query (open, "SELECT count(*) FROM food_access"), 1);
  first_access = query (open, "SELECT id FROM food_access");

  /* What the dialog shows after: the record, when access starts, the form renews */
  {
    AdwPreferencesGroup *history = child (dialog, ACU_TYPE_FOOD_ACCESS_DIALOG, "history_group");
    AdwActionRow *row;

    ck_assert_uint_eq (count_of (history, ADW_TYPE_ACTION_ROW), 1);
    row = nth_of (history, ADW_TYPE_ACTION_ROW, 0);
    ck_assert_str_eq (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), expected->first_title);
    ck_assert_str_eq (adw_action_row_get_subtitle (row), expected->first_details);
    text = with_id (expected->status, household);
    ck_assert_str_eq (adw_preferences_group_get_description (history), text);
    g_clear_pointer (&text, g_free);
    ck_assert_str_eq (adw_preferences_group_get_title (child (dialog, ACU_TYPE_FOOD_ACCESS_DIALOG, "grant_group")),
                      expected->renew_title);
  }

  /* Renewed for six months: a new record follows the first */
  type_in (child (dialog, ACU_TYPE_FOOD_ACCESS_DIALOG, "start_row"), "01/04/2030");
  click (child (dialog, ACU_TYPE_FOOD_ACCESS_DIALOG, "six_months_button"));
  ck_assert_str_eq (gtk_editable_get_text (child (dialog, ACU_TYPE_FOOD_ACCESS_DIALOG, "end_row")), "30/09/2030");
  click (child (dialog, ACU_TYPE_FOOD_ACCESS_DIALOG, "grant_button"));
  sql = g_strdup_printf ("SELECT count(*) FROM food_access WHERE follows_id = %" G_GINT64_FORMAT
                         " AND start_day = '2030-04-01' AND end_day = '2030-09-30' AND right_cents = 3000",
                         first_access);
  ck_assert_int_eq (query (open, sql), 1);
  g_clear_pointer (&sql, g_free);
  ck_assert_uint_eq (count_of (child (dialog, ACU_TYPE_FOOD_ACCESS_DIALOG, "history_group"), ADW_TYPE_ACTION_ROW), 2);
  /* newest first */
  ck_assert_str_eq (adw_preferences_row_get_title (nth_of (child (dialog, ACU_TYPE_FOOD_ACCESS_DIALOG,
                                                                  "history_group"), ADW_TYPE_ACTION_ROW, 1)),
                    expected->first_title);

  /* The helper: 1 250,00 € of wages, 540,00 € of rent and 100,00 € of
   * energy; one adult and a child, 2,5 shares by the default scale:
   * 610,00 € ÷ 2,5 ÷ 30 = 8,13 € (8,1333…), the threshold 8,00 € */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "access.page", "s", "budget");
  {
    GtkWidget *resources = child (dialog, ACU_TYPE_FOOD_ACCESS_DIALOG, "resources_group");
    GtkWidget *charges = child (dialog, ACU_TYPE_FOOD_ACCESS_DIALOG, "charges_group");

    ck_assert_uint_eq (count_of (resources, ADW_TYPE_ENTRY_ROW), 6);
    ck_assert_uint_eq (count_of (charges, ADW_TYPE_ENTRY_ROW), 6);
    type_in (nth_of (resources, ADW_TYPE_ENTRY_ROW, 0), "1 250,00");
    type_in (nth_of (charges, ADW_TYPE_ENTRY_ROW, 0), "540");
    type_in (nth_of (charges, ADW_TYPE_ENTRY_ROW, 1), "100,00 €");
    ck_assert_str_eq (gtk_label_get_label (child (dialog, ACU_TYPE_FOOD_ACCESS_DIALOG, "formula_label")),
                      expected->formula);
    ck_assert_str_eq (gtk_label_get_label (child (dialog, ACU_TYPE_FOOD_ACCESS_DIALOG, "verdict_label")),
                      expected->verdict);

    /* A wrong amount: by its field, nothing sealed */
    type_in (nth_of (charges, ADW_TYPE_ENTRY_ROW, 2), "12,5,0");
    click (child (dialog, ACU_TYPE_FOOD_ACCESS_DIALOG, "save_budget_button"));
    ck_assert_ptr_nonnull (message_by (nth_of (charges, ADW_TYPE_ENTRY_ROW, 2)));
    ck_assert_int_eq (query (open, "SELECT count(*) FROM food_budget"), 0);

    type_in (nth_of (charges, ADW_TYPE_ENTRY_ROW, 2), "");
    click (child (dialog, ACU_TYPE_FOOD_ACCESS_DIALOG, "save_budget_button"));
    ck_assert (!has_message (nth_of (charges, ADW_TYPE_ENTRY_ROW, 2)));
    ck_assert (!gtk_widget_get_visible (child (dialog, ACU_TYPE_FOOD_ACCESS_DIALOG, "budget_error")));
    sql = g_strdup_printf ("SELECT count(*) FROM food_budget WHERE household_id = %" G_GINT64_FORMAT, household);
    ck_assert_int_eq (query (open, sql), 1);
    g_clear_pointer (&sql, g_free);
  }
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  WAIT_UNTIL (find_window (ACU_TYPE_FOOD_ACCESS_DIALOG) == NULL);

  /* Opened again, the lines are read back (the reading is recorded: see the end) */
  g_signal_emit_by_name (child (people_page, ACU_TYPE_PEOPLE_PAGE, "food_access_row"), "activated");
  dialog = find_window (ACU_TYPE_FOOD_ACCESS_DIALOG);
  ck_assert_ptr_nonnull (dialog);
  {
    GtkWidget *resources = child (dialog, ACU_TYPE_FOOD_ACCESS_DIALOG, "resources_group");
    GtkWidget *charges = child (dialog, ACU_TYPE_FOOD_ACCESS_DIALOG, "charges_group");

    ck_assert_str_eq (gtk_editable_get_text (nth_of (resources, ADW_TYPE_ENTRY_ROW, 0)), "1250,00");
    ck_assert_str_eq (gtk_editable_get_text (nth_of (resources, ADW_TYPE_ENTRY_ROW, 1)), "");
    ck_assert_str_eq (gtk_editable_get_text (nth_of (charges, ADW_TYPE_ENTRY_ROW, 0)), "540,00");
    ck_assert_str_eq (gtk_editable_get_text (nth_of (charges, ADW_TYPE_ENTRY_ROW, 1)), "100,00");
    ck_assert_str_eq (gtk_label_get_label (child (dialog, ACU_TYPE_FOOD_ACCESS_DIALOG, "formula_label")),
                      expected->formula);
  }
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  WAIT_UNTIL (find_window (ACU_TYPE_FOOD_ACCESS_DIALOG) == NULL);

  /* A household without members: the core's message, nothing written */
  acu_food_access_dialog_present (GTK_WIDGET (people_page), open, empty);
  dialog = find_window (ACU_TYPE_FOOD_ACCESS_DIALOG);
  ck_assert_ptr_nonnull (dialog);
  type_in (child (dialog, ACU_TYPE_FOOD_ACCESS_DIALOG, "end_row"), "31/12/2027");
  adw_combo_row_set_selected (child (dialog, ACU_TYPE_FOOD_ACCESS_DIALOG, "mode_row"), 0);
  click (child (dialog, ACU_TYPE_FOOD_ACCESS_DIALOG, "grant_button"));
  ck_assert_str_eq (gtk_label_get_label (child (dialog, ACU_TYPE_FOOD_ACCESS_DIALOG, "grant_error")),
                    expected->no_member);
  ck_assert_int_eq (query (open, "SELECT count(*) FROM food_access"), 2);

  /* A volunteer: the desk locks (the dialog goes), no access button, and
   * the dialog does not open for her: the core refuses */
  identify (window, VOLUNTEER, PIN);
  ck_assert_ptr_null (find_window (ACU_TYPE_FOOD_ACCESS_DIALOG));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-record", "(sx)", "people", household);
  /* she sees whether access is valid, and opens nothing */
  ck_assert_str_eq (adw_action_row_get_subtitle (child (people_page, ACU_TYPE_PEOPLE_PAGE, "food_access_row")),
                    expected->starts);
  ck_assert (!gtk_list_box_row_get_activatable (child (people_page, ACU_TYPE_PEOPLE_PAGE, "food_access_row")));
  g_signal_emit_by_name (child (people_page, ACU_TYPE_PEOPLE_PAGE, "food_access_row"), "activated");
  acu_ui_test_settle (100);
  ck_assert_ptr_null (find_window (ACU_TYPE_FOOD_ACCESS_DIALOG));
  acu_food_access_dialog_present (GTK_WIDGET (people_page), open, household);
  acu_ui_test_settle (100);
  ck_assert_ptr_null (find_window (ACU_TYPE_FOOD_ACCESS_DIALOG));
  ck_assert_ptr_null (acu_food_access_list (open, household, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN);
  g_clear_error (&error);

  /* She records a delivery of FSE+ products: fruit and vegetables and
   * dairy at once (a weight typed wrong first) */
  show_area (window, "food-stock");
  stock_page = child (window, ACU_TYPE_WINDOW, "food_stock_page");
  ck_assert (!gtk_widget_get_visible (child (stock_page, ACU_TYPE_FOOD_STOCK_PAGE, "close_month_button")));
  gtk_widget_activate_action (GTK_WIDGET (stock_page), "stock.delivery", NULL);
  movement = find_window (ACU_TYPE_GOODS_MOVEMENT_DIALOG);
  ck_assert_ptr_nonnull (movement);
  {
    GtkWidget *categories = child (movement, ACU_TYPE_GOODS_MOVEMENT_DIALOG, "categories_group");

    ck_assert (!gtk_widget_get_visible (child (movement, ACU_TYPE_GOODS_MOVEMENT_DIALOG, "lot_group")));
    adw_combo_row_set_selected (child (movement, ACU_TYPE_GOODS_MOVEMENT_DIALOG, "source_row"), 1);
    ck_assert (gtk_widget_get_visible (child (movement, ACU_TYPE_GOODS_MOVEMENT_DIALOG, "lot_group")));
    type_in (child (movement, ACU_TYPE_GOODS_MOVEMENT_DIALOG, "day_row"), "03/12/2026");
    type_in (nth_of (categories, ADW_TYPE_ENTRY_ROW, 0), "120,5");
    type_in (nth_of (categories, ADW_TYPE_ENTRY_ROW, 1), "12,5,3");
    type_in (nth_of (categories, ADW_TYPE_ENTRY_ROW, 2), "30");
    type_in (child (movement, ACU_TYPE_GOODS_MOVEMENT_DIALOG, "lot_row"), "L-2026-14");
    type_in (child (movement, ACU_TYPE_GOODS_MOVEMENT_DIALOG, "expiry_row"), "30/04/2027");
    click (child (movement, ACU_TYPE_GOODS_MOVEMENT_DIALOG, "record_button"));
    ck_assert_ptr_nonnull (message_by (nth_of (categories, ADW_TYPE_ENTRY_ROW, 1)));
    ck_assert_int_eq (query (open, "SELECT count(*) FROM goods_movement"), 0);

    type_in (nth_of (categories, ADW_TYPE_ENTRY_ROW, 1), "");
    click (child (movement, ACU_TYPE_GOODS_MOVEMENT_DIALOG, "record_button"));
  }
  WAIT_UNTIL (find_window (ACU_TYPE_GOODS_MOVEMENT_DIALOG) == NULL);
  ck_assert_int_eq (query (open, "SELECT count(*) FROM goods_movement"), 2);
  ck_assert_int_eq (query (open, "SELECT count(*) FROM goods_movement m JOIN goods_category c ON c.id = m.category_id "
                                 "WHERE c.code = 'fruit-vegetables' AND m.grams = 120500 AND m.direction = 1 "
                                 "AND m.reason = 'delivery' AND m.source = 'fse-plus' AND m.day = '2026-12-03' "
                                 "AND m.lot = 'L-2026-14' AND m.expiry = '2027-04-30'"), 1);
  ck_assert_int_eq (query (open, "SELECT count(*) FROM goods_movement m JOIN goods_category c ON c.id = m.category_id "
                                 "WHERE c.code = 'dairy' AND m.grams = 30000"), 1);
  ck_assert_int_eq (query (open, "SELECT s.grams FROM goods_stock s JOIN goods_category c ON c.id = s.category_id "
                                 "WHERE c.code = 'fruit-vegetables'"), 120500);
  /* Shown: the stock by category (fruit first, dairy third), the movements newest first */
  ck_assert_str_eq (stock_shown (stock_page, 0), expected->fruit_kg);
  ck_assert_str_eq (stock_shown (stock_page, 2), expected->dairy_kg);
  {
    GtkListView *view = child (stock_page, ACU_TYPE_FOOD_STOCK_PAGE, "movements_view");

    WAIT_UNTIL (g_strcmp0 (acu_ui_test_row_label (view, 0, 0), expected->delivery_title) == 0);
    ck_assert_str_eq (acu_ui_test_row_label (view, 0, 1), expected->delivery_details);
  }

  /* A loss: 2,5 kg of dairy expired */
  gtk_widget_activate_action (GTK_WIDGET (stock_page), "stock.loss", NULL);
  movement = find_window (ACU_TYPE_GOODS_MOVEMENT_DIALOG);
  ck_assert_ptr_nonnull (movement);
  ck_assert (!gtk_widget_get_visible (child (movement, ACU_TYPE_GOODS_MOVEMENT_DIALOG, "source_row")));
  type_in (child (movement, ACU_TYPE_GOODS_MOVEMENT_DIALOG, "day_row"), "05/12/2026");
  type_in (nth_of (child (movement, ACU_TYPE_GOODS_MOVEMENT_DIALOG, "categories_group"), ADW_TYPE_ENTRY_ROW, 2), "2,5");
  click (child (movement, ACU_TYPE_GOODS_MOVEMENT_DIALOG, "record_button"));
  WAIT_UNTIL (find_window (ACU_TYPE_GOODS_MOVEMENT_DIALOG) == NULL);
  loss = query (open, "SELECT id FROM goods_movement WHERE direction = -1 AND reason = 'expired' AND grams = 2500 "
                      "AND day = '2026-12-05'");
  ck_assert_int_gt (loss, 0);
  ck_assert_str_eq (stock_shown (stock_page, 2), expected->dairy_after_loss);

  /* A volunteer does not correct: choosing the movement does nothing */
  g_signal_emit_by_name (child (stock_page, ACU_TYPE_FOOD_STOCK_PAGE, "movements_view"), "activate", 0);
  acu_ui_test_settle (100);
  ck_assert_ptr_null (find_window (ADW_TYPE_MESSAGE_DIALOG));
  ck_assert_int_eq (acu_goods_correct (open, loss, &error), 0);
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN);
  g_clear_error (&error);

  /* Staff correct the loss, confirmed: a new movement cancels it */
  identify (window, STAFF, STAFF_PW);
  show_area (window, "food-stock");
  {
    GtkListView *view = child (stock_page, ACU_TYPE_FOOD_STOCK_PAGE, "movements_view");
    AdwMessageDialog *confirm;

    g_signal_emit_by_name (view, "activate", 0);
    confirm = find_window (ADW_TYPE_MESSAGE_DIALOG);
    ck_assert_ptr_nonnull (confirm);
    adw_message_dialog_response (confirm, "correct");
    sql = g_strdup_printf ("SELECT count(*) FROM goods_movement WHERE corrects_id = %" G_GINT64_FORMAT
                           " AND direction = 1 AND reason = 'correction' AND grams = 2500", loss);
    ck_assert_int_eq (query (open, sql), 1);
    g_clear_pointer (&sql, g_free);
    ck_assert_str_eq (stock_shown (stock_page, 2), expected->dairy_kg);
    text = with_id (expected->correction, loss);
    WAIT_UNTIL (g_strcmp0 (acu_ui_test_row_label (view, 0, 1), text) == 0);
    g_clear_pointer (&text, g_free);
    ck_assert_str_eq (acu_ui_test_row_label (view, 1, 1), expected->loss_corrected);
  }

  /* A coordinator closes November: a delivery dated in it is refused by the day */
  identify (window, COORDINATOR, COORD_PW);
  show_area (window, "food-stock");
  ck_assert (gtk_widget_get_visible (child (stock_page, ACU_TYPE_FOOD_STOCK_PAGE, "close_month_button")));
  gtk_widget_activate_action (GTK_WIDGET (stock_page), "stock.close-month", NULL);
  {
    AdwMessageDialog *confirm = find_window (ADW_TYPE_MESSAGE_DIALOG);
    g_autofree char *today = acu_date_today ();
    g_autofree char *last_month = NULL;
    GDate date;

    ck_assert_ptr_nonnull (confirm);
    /* the month before this one is offered first */
    ck_assert (acu_date_parse (today, &date));
    g_date_set_day (&date, 1);
    g_date_subtract_months (&date, 1);
    last_month = g_strdup_printf ("%04d-%02d", g_date_get_year (&date), g_date_get_month (&date));
    gtk_drop_down_set_selected (GTK_DROP_DOWN (adw_message_dialog_get_extra_child (confirm)), 0);
    adw_message_dialog_response (confirm, "close");
    sql = g_strdup_printf ("SELECT count(*) FROM goods_month_closed WHERE month = '%s'", last_month);
    ck_assert_int_eq (query (open, sql), 1);
    g_clear_pointer (&sql, g_free);
  }
  gtk_widget_activate_action (GTK_WIDGET (stock_page), "stock.delivery", NULL);
  movement = find_window (ACU_TYPE_GOODS_MOVEMENT_DIALOG);
  {
    g_autofree char *today = acu_date_today ();
    g_autofree char *day = NULL;
    GDate date;

    ck_assert (acu_date_parse (today, &date));
    g_date_set_day (&date, 1);
    g_date_subtract_days (&date, 1);
    day = g_strdup_printf ("%02d/%02d/%04d", g_date_get_day (&date), g_date_get_month (&date),
                           g_date_get_year (&date));
    type_in (child (movement, ACU_TYPE_GOODS_MOVEMENT_DIALOG, "day_row"), day);
  }
  type_in (nth_of (child (movement, ACU_TYPE_GOODS_MOVEMENT_DIALOG, "categories_group"), ADW_TYPE_ENTRY_ROW, 0), "10");
  click (child (movement, ACU_TYPE_GOODS_MOVEMENT_DIALOG, "record_button"));
  ck_assert_str_eq (message_by (child (movement, ACU_TYPE_GOODS_MOVEMENT_DIALOG, "day_row")), expected->month_closed);
  ck_assert_int_eq (query (open, "SELECT count(*) FROM goods_movement"), 4);
  gtk_widget_activate_action (GTK_WIDGET (movement), "window.close", NULL);

  /* Preferences, Food Aid: a right applied; a threshold refused by the core */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL);
  {
    AcuPreferencesWindow *preferences = find_window (ACU_TYPE_PREFERENCES_WINDOW);
    AcuFoodPreferencesPage *food;

    ck_assert_ptr_nonnull (preferences);
    food = child (preferences, ACU_TYPE_PREFERENCES_WINDOW, "food_page");
    ck_assert_str_eq (gtk_editable_get_text (child (food, ACU_TYPE_FOOD_PREFERENCES_PAGE, "right_single_row")),
                      "20,00");
    ck_assert (!gtk_switch_get_active (child (food, ACU_TYPE_FOOD_PREFERENCES_PAGE, "disability_switch")));
    type_in (child (food, ACU_TYPE_FOOD_PREFERENCES_PAGE, "right_single_row"), "22");
    g_signal_emit_by_name (child (food, ACU_TYPE_FOOD_PREFERENCES_PAGE, "right_single_row"), "apply");
    ck_assert_int_eq (query (open, "SELECT value FROM setting WHERE key = 'food-right-single-cents'"), 2200);
    type_in (child (food, ACU_TYPE_FOOD_PREFERENCES_PAGE, "threshold_row"), "150");
    g_signal_emit_by_name (child (food, ACU_TYPE_FOOD_PREFERENCES_PAGE, "threshold_row"), "apply");
    ck_assert_str_eq (message_by (child (food, ACU_TYPE_FOOD_PREFERENCES_PAGE, "threshold_row")),
                      expected->threshold_refused);
    ck_assert_int_eq (query (open, "SELECT value FROM setting WHERE key = 'food-threshold-cents'"), 800);
    /* A sensitive flag asks first; cancelled, it stays off */
    GtkSwitch *disability = child (food, ACU_TYPE_FOOD_PREFERENCES_PAGE, "disability_switch");

    gtk_switch_set_active (disability, TRUE);
    {
      AdwMessageDialog *ask = find_window (ADW_TYPE_MESSAGE_DIALOG);

      ck_assert_ptr_nonnull (ask);
      ck_assert (!gtk_switch_get_state (disability));
      adw_message_dialog_response (ask, "cancel");
      gtk_window_destroy (GTK_WINDOW (ask));
    }
    ck_assert (!gtk_switch_get_active (disability));
    ck_assert_int_eq (query (open, "SELECT value FROM setting WHERE key = 'record-disability'"), 0);
    /* Recorded after the reminder; two answers given; turned off, the
     * coordinator erases them: the setting off, the column empty */
    gtk_switch_set_active (disability, TRUE);
    {
      AdwMessageDialog *ask = find_window (ADW_TYPE_MESSAGE_DIALOG);

      adw_message_dialog_response (ask, "record");
      gtk_window_destroy (GTK_WINDOW (ask));
    }
    ck_assert (gtk_switch_get_state (disability));
    ck_assert_int_eq (query (open, "SELECT value FROM setting WHERE key = 'record-disability'"), 1);
    ck_assert (acu_store_exec (open, "UPDATE person SET disability = 1 WHERE id = 1; "
                                     "UPDATE person SET disability = 0 WHERE id = 2", NULL));
    gtk_switch_set_active (disability, FALSE);
    {
      AdwMessageDialog *ask = find_window (ADW_TYPE_MESSAGE_DIALOG);

      ck_assert_ptr_nonnull (ask);
      ck_assert (gtk_switch_get_state (disability));
      ck_assert_int_eq (query (open, "SELECT count(*) FROM person WHERE disability IS NOT NULL"), 2);
      adw_message_dialog_response (ask, "erase");
      gtk_window_destroy (GTK_WINDOW (ask));
    }
    ck_assert (!gtk_switch_get_state (disability));
    ck_assert_int_eq (query (open, "SELECT value FROM setting WHERE key = 'record-disability'"), 0);
    ck_assert_int_eq (query (open, "SELECT count(*) FROM person WHERE disability IS NOT NULL"), 0);
    ck_assert_int_eq (query (open, "SELECT count(*) FROM audit WHERE action = 'erase-disability'"), 1);
    gtk_window_destroy (GTK_WINDOW (preferences));
  }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-database", NULL);
  gtk_window_destroy (GTK_WINDOW (window));

  /* Read again from the file: what was written stays */
  store = acu_store_open (path, COORDINATOR, COORD_PW, &error);
  ck_assert_msg (store != NULL, "%s", error ? error->message : "");
  ck_assert_int_eq (query (store, "SELECT count(*) FROM food_access"), 2);
  ck_assert_int_eq (query (store, "SELECT count(*) FROM food_budget"), 1);
  ck_assert_uint_eq (count_action (store, "food-access", STAFF), 2);
  ck_assert_uint_eq (count_action (store, "food-budget-write", STAFF), 1);
  /* each opening read the lines: twice the family's, once the empty household's */
  ck_assert_uint_eq (count_action (store, "food-budget-read", STAFF), 3);
  ck_assert_uint_eq (count_action (store, "food-budget-read", VOLUNTEER), 0);
  ck_assert_uint_eq (count_action (store, "goods-in", VOLUNTEER), 2);
  ck_assert_uint_eq (count_action (store, "goods-correct", STAFF), 1);
  acu_store_close (store);
}
END_TEST

int
main (int    argc,
      char **argv)
{
  AcuUiTestLanguage languages[G_N_ELEMENTS (expected_by_lang)];

  for (guint i = 0; i < G_N_ELEMENTS (expected_by_lang); i++)
    languages[i] = (AcuUiTestLanguage) { expected_by_lang[i].lang, &expected_by_lang[i] };
  return acu_ui_test_run ("food-stock", test_food_stock, languages, G_N_ELEMENTS (languages),
                          (gconstpointer *) &expected, TRUE);
}
