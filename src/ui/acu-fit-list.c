/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-fit-list"

#include "config.h"

#include "acu-fit-list.h"

/* Holds a GtkListView shown whole, inside a page that scrolls, and asks
 * for the height its rows need at the width it is given. GTK 4.8's list
 * view measures its rows at their natural width only (it does no
 * height-for-width): a row whose labels wrap would be cut off. The list
 * is small there (a day's visits, a page of a household's), so its rows
 * all exist; until they do, the list's own estimate stands. */

struct _AcuFitList
{
  GtkWidget  parent_instance;

  GtkWidget *child;
  guint      resize_source;
  int        asked;          /* the height last asked for, once the rows were made */
};

enum
{
  PROP_0,
  PROP_CHILD,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

static void acu_fit_list_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AcuFitList, acu_fit_list, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, acu_fit_list_buildable_init))

static guint
count_rows (AcuFitList *self)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (self->child); row != NULL; row = gtk_widget_get_next_sibling (row))
    n++;
  return n;
}

static gboolean
all_rows_made (AcuFitList *self)
{
  GtkSelectionModel *model = GTK_IS_LIST_VIEW (self->child) ? gtk_list_view_get_model (GTK_LIST_VIEW (self->child)) : NULL;

  return model != NULL && count_rows (self) == g_list_model_get_n_items (G_LIST_MODEL (model));
}

static GtkSizeRequestMode
acu_fit_list_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
acu_fit_list_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  AcuFitList *self = ACU_FIT_LIST (widget);
  int height = 0;

  *minimum = *natural = 0;
  if (self->child == NULL)
    return;
  gtk_widget_measure (self->child, orientation, -1, minimum, natural, NULL, NULL);
  if (orientation == GTK_ORIENTATION_HORIZONTAL || for_size < 0 || !all_rows_made (self))
    return;
  for (GtkWidget *row = gtk_widget_get_first_child (self->child); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      int row_min, row_nat;

      gtk_widget_measure (row, GTK_ORIENTATION_VERTICAL, for_size, &row_min, &row_nat, NULL, NULL);
      height += MAX (row_min, row_nat);
    }
  *minimum = *natural = height;
}

static gboolean
resize_cb (gpointer user_data)
{
  AcuFitList *self = user_data;

  self->resize_source = 0;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

static void
acu_fit_list_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  AcuFitList *self = ACU_FIT_LIST (widget);

  if (self->child == NULL)
    return;
  gtk_widget_allocate (self->child, width, height, baseline, NULL);
  /* The list makes its rows as it is allocated: measure them once made */
  if (all_rows_made (self))
    {
      int needed, unused;

      acu_fit_list_measure (widget, GTK_ORIENTATION_VERTICAL, width, &needed, &unused, NULL, NULL);
      /* asked once per height: a parent that gives more (vexpand) is not
       * asked again and again */
      if (needed != height && needed != self->asked && self->resize_source == 0)
        {
          self->asked = needed;
          self->resize_source = g_idle_add (resize_cb, self);
        }
    }
}

static void
acu_fit_list_set_child (AcuFitList *self,
                        GtkWidget  *child)
{
  if (self->child == child)
    return;
  g_clear_pointer (&self->child, gtk_widget_unparent);
  if (child != NULL)
    {
      self->child = child;
      gtk_widget_set_parent (child, GTK_WIDGET (self));
    }
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_CHILD]);
}

static void
acu_fit_list_buildable_add_child (GtkBuildable *buildable,
                                  GtkBuilder   *builder,
                                  GObject      *child,
                                  const char   *type)
{
  if (GTK_IS_WIDGET (child))
    acu_fit_list_set_child (ACU_FIT_LIST (buildable), GTK_WIDGET (child));
}

static void
acu_fit_list_buildable_init (GtkBuildableIface *iface)
{
  iface->add_child = acu_fit_list_buildable_add_child;
}

static void
acu_fit_list_dispose (GObject *object)
{
  AcuFitList *self = ACU_FIT_LIST (object);

  g_clear_handle_id (&self->resize_source, g_source_remove);
  g_clear_pointer (&self->child, gtk_widget_unparent);
  G_OBJECT_CLASS (acu_fit_list_parent_class)->dispose (object);
}

static void
acu_fit_list_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_CHILD:
      g_value_set_object (value, ACU_FIT_LIST (object)->child);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acu_fit_list_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_CHILD:
      acu_fit_list_set_child (ACU_FIT_LIST (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acu_fit_list_class_init (AcuFitListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = acu_fit_list_dispose;
  object_class->get_property = acu_fit_list_get_property;
  object_class->set_property = acu_fit_list_set_property;
  widget_class->get_request_mode = acu_fit_list_get_request_mode;
  widget_class->measure = acu_fit_list_measure;
  widget_class->size_allocate = acu_fit_list_size_allocate;

  /* the GtkListView */
  props[PROP_CHILD] =
    g_param_spec_object ("child", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, props);
}

static void
acu_fit_list_init (AcuFitList *self)
{
}
