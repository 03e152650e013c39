/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-people-model"

#include "config.h"

#include "acu-people-model.h"

/* A GListModel of AcuPerson that pages from the store: it holds the
 * pages read so far, and reads the next one (in an idle, never inside
 * get_item) when a list asks for an item near the end. Nothing loads a
 * whole table. */

#define PAGE_SIZE 50

struct _AcuPeopleModel
{
  GObject     parent_instance;

  AcuStore   *store;
  char       *query;      /* NULL or "": everyone, by name */
  GPtrArray  *items;
  gboolean    has_more;
  guint       load_source;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AcuPeopleModel, acu_people_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static guint
load_page (AcuPeopleModel *self)
{
  g_autoptr(GPtrArray) page = NULL;
  guint offset = self->items->len;

  self->has_more = FALSE;
  if (self->store == NULL || !acu_store_is_open (self->store))
    return 0;
  if (self->query == NULL || *self->query == '\0')
    page = acu_people_list_all (self->store, offset, PAGE_SIZE, NULL);
  else
    page = acu_people_search (self->store, self->query, offset, PAGE_SIZE, NULL);
  if (page == NULL)
    return 0;
  for (guint i = 0; i < page->len; i++)
    g_ptr_array_add (self->items, g_object_ref (g_ptr_array_index (page, i)));
  self->has_more = page->len == PAGE_SIZE;
  return page->len;
}

static gboolean
load_more_cb (gpointer user_data)
{
  AcuPeopleModel *self = user_data;
  guint before = self->items->len;
  guint added;

  self->load_source = 0;
  added = load_page (self);
  if (added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), before, 0, added);
  return G_SOURCE_REMOVE;
}

static GType
acu_people_model_get_item_type (GListModel *model)
{
  return ACU_TYPE_PERSON;
}

static guint
acu_people_model_get_n_items (GListModel *model)
{
  return ACU_PEOPLE_MODEL (model)->items->len;
}

static gpointer
acu_people_model_get_item (GListModel *model,
                           guint       position)
{
  AcuPeopleModel *self = ACU_PEOPLE_MODEL (model);

  if (position >= self->items->len)
    return NULL;
  if (self->has_more && position + PAGE_SIZE / 2 >= self->items->len && self->load_source == 0)
    self->load_source = g_idle_add (load_more_cb, self);
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = acu_people_model_get_item_type;
  iface->get_n_items = acu_people_model_get_n_items;
  iface->get_item = acu_people_model_get_item;
}

static void
acu_people_model_dispose (GObject *object)
{
  AcuPeopleModel *self = ACU_PEOPLE_MODEL (object);

  g_clear_handle_id (&self->load_source, g_source_remove);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (acu_people_model_parent_class)->dispose (object);
}

static void
acu_people_model_finalize (GObject *object)
{
  AcuPeopleModel *self = ACU_PEOPLE_MODEL (object);

  g_ptr_array_unref (self->items);
  g_free (self->query);
  G_OBJECT_CLASS (acu_people_model_parent_class)->finalize (object);
}

static void
acu_people_model_class_init (AcuPeopleModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = acu_people_model_dispose;
  object_class->finalize = acu_people_model_finalize;
}

static void
acu_people_model_init (AcuPeopleModel *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

AcuPeopleModel *
acu_people_model_new (AcuStore *store)
{
  AcuPeopleModel *self = g_object_new (ACU_TYPE_PEOPLE_MODEL, NULL);

  acu_people_model_set_store (self, store);
  return self;
}

/* Reads the first page again, for the same query */
void
acu_people_model_reload (AcuPeopleModel *self)
{
  guint removed;

  g_return_if_fail (ACU_IS_PEOPLE_MODEL (self));

  g_clear_handle_id (&self->load_source, g_source_remove);
  removed = self->items->len;
  g_ptr_array_set_size (self->items, 0);
  load_page (self);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->items->len);
}

void
acu_people_model_set_store (AcuPeopleModel *self,
                            AcuStore       *store)
{
  g_return_if_fail (ACU_IS_PEOPLE_MODEL (self));

  g_set_object (&self->store, store);
  acu_people_model_reload (self);
}

void
acu_people_model_set_query (AcuPeopleModel *self,
                            const char     *query)
{
  g_return_if_fail (ACU_IS_PEOPLE_MODEL (self));

  if (g_strcmp0 (self->query, query) == 0)
    return;
  g_free (self->query);
  self->query = g_strdup (query);
  acu_people_model_reload (self);
}
