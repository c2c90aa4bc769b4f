// Custom Fields: field definitions by category, and the options of list and tree fields. The
// list endpoints (/cf.field.options.list) and the legacy ones (/cf.field.options) write the
// same options of a list field; on a tree field the legacy endpoints read and write the tree's
// options by key (apps/mock/README.md#rule-cf-field-options-legacy). Writes aimed at an unknown field, or at a field of the
// wrong kind, are refused with HTTP 200 and `status: "ERROR"`.
import type { Json, JsonObject } from "../../spec/description.js";
import { ok, refused, written } from "../answers.js";
import type { DomainModule, OperationParams, SandboxAnswer } from "../handler.js";
import {
  CUSTOM_FIELD,
  CUSTOM_FIELD_TYPE,
  type CustomFieldRecord,
  fieldCategories,
  FIELD_TYPE,
  findTreeOption,
  isActive,
  type ListOption,
  newTreeHash,
  type TreeOption,
  walkTree,
} from "../records/custom-fields.js";
import type { StoredRecord, TenantStore } from "../store.js";

type FieldLookup = { field: CustomFieldRecord } | { refusal: SandboxAnswer };

/** The field `uid` names, if it exists, is active and is of one of the kinds wanted. */
function fieldOfKind(store: TenantStore, uid: number, kinds: readonly number[]): FieldLookup {
  const field = store.get<CustomFieldRecord>(CUSTOM_FIELD, uid);
  if (!field || !isActive(field)) return { refusal: refused(`There is no custom field ${uid}.`) };
  if (!kinds.includes(field.type)) {
    const wanted = kinds.map((kind) => (kind === FIELD_TYPE.list ? "list" : "tree")).join(" or ");
    return { refusal: refused(`Custom field ${uid} is not a ${wanted} field.`) };
  }
  return { field };
}

/** Key/label pairs of a list field, or of every option of a tree field (legacy view). */
function keyValues(field: CustomFieldRecord): JsonObject {
  const pairs: JsonObject = {};
  if (field.type === FIELD_TYPE.tree) {
    walkTree(field.tree ?? [], (option) => {
      pairs[option.key] = option.name;
    });
  } else {
    for (const option of field.options ?? []) pairs[option.key] = option.label;
  }
  return pairs;
}

/** Writes key/label pairs: an existing key is relabelled, a new one appended. */
function writeKeyValues(store: TenantStore, field: CustomFieldRecord, pairs: JsonObject): number {
  const entries = Object.entries(pairs).map(([key, label]) => [key, String(label)] as const);
  if (field.type === FIELD_TYPE.tree) {
    const tree = structuredClone(field.tree ?? []);
    for (const [key, name] of entries) {
      const found = findTreeOption(tree, (option) => option.key === key);
      if (found) found.option.name = name;
      else tree.push({ hash: newTreeHash(store, field.id, tree), key, name, children: [] });
    }
    store.update(CUSTOM_FIELD, field.id, { tree: tree as unknown as Json });
  } else {
    const options: ListOption[] = [...(field.options ?? [])];
    for (const [key, label] of entries) {
      const at = options.findIndex((option) => option.key === key);
      if (at >= 0) options[at] = { key, label };
      else options.push({ key, label });
    }
    store.update(CUSTOM_FIELD, field.id, { options: options as unknown as Json });
  }
  return entries.length;
}

/** Removes options by key (on a tree, with what is nested below); answers how many went. */
function deleteKeys(store: TenantStore, field: CustomFieldRecord, keys: string[]): number {
  const gone = new Set(keys);
  let removed = 0;
  if (field.type === FIELD_TYPE.tree) {
    const prune = (options: TreeOption[]): TreeOption[] =>
      options.flatMap((option) => {
        if (gone.has(option.key)) {
          removed++;
          return [];
        }
        return [{ ...option, children: prune(option.children) }];
      });
    store.update(CUSTOM_FIELD, field.id, {
      tree: prune(field.tree ?? []) as unknown as Json,
    });
  } else {
    const kept = (field.options ?? []).filter((option) => !gone.has(option.key));
    removed = (field.options ?? []).length - kept.length;
    store.update(CUSTOM_FIELD, field.id, { options: kept as unknown as Json });
  }
  return removed;
}

const LIST_ONLY = [FIELD_TYPE.list] as const;
const LIST_OR_TREE = [FIELD_TYPE.list, FIELD_TYPE.tree] as const;

/** The three writes of the list and legacy endpoints share one shape of answer. */
function upsertOptions(
  store: TenantStore,
  params: OperationParams<
    "addCustomFieldListOptions" | "addCustomFieldOptions" | "updateCustomFieldOptions"
  >,
  kinds: readonly number[],
) {
  const lookup = fieldOfKind(store, params["uid"], kinds);
  if ("refusal" in lookup) return lookup.refusal;
  const total = writeKeyValues(store, lookup.field, params["key_values"]);
  return written("Options updated.", { total });
}

function removeOptions(
  store: TenantStore,
  params: OperationParams<"deleteCustomFieldListOptions" | "deleteCustomFieldOptions">,
  kinds: readonly number[],
) {
  const lookup = fieldOfKind(store, params["uid"], kinds);
  if ("refusal" in lookup) return lookup.refusal;
  const total = deleteKeys(store, lookup.field, params["keys"]);
  return written("Options deleted.", { total });
}

function readOptions(
  store: TenantStore,
  params: OperationParams<"listCustomFieldListOptions" | "listCustomFieldOptions">,
  kinds: readonly number[],
) {
  const lookup = fieldOfKind(store, params["uid"], kinds);
  if ("refusal" in lookup) return lookup.refusal;
  // An empty map goes out as `{}`, the object the description gives (rule row:
  // apps/mock/README.md#rule-get-cf-field-options-list).
  return ok({ "key-value": keyValues(lookup.field) });
}

function activeFields(store: TenantStore): CustomFieldRecord[] {
  return store.all<CustomFieldRecord>(CUSTOM_FIELD).filter(isActive);
}

function saveTree(store: TenantStore, field: CustomFieldRecord, tree: TreeOption[]): void {
  store.update(CUSTOM_FIELD, field.id, { tree: tree as unknown as Json });
}

export const domain: DomainModule = {
  tag: "Custom Fields",
  kinds: {
    [CUSTOM_FIELD]: { schema: "CustomField" },
    [CUSTOM_FIELD_TYPE]: { schema: "NamedItem" },
  },
  handlers: {
    listCustomFields({ store }) {
      return ok(
        activeFields(store)
          .filter((field) => !field.shared)
          .map((field) => ({
            uid: field.id,
            label: field.label,
            type: field.type,
            description: field.description,
            categories: field.categories,
            is_required: field.is_required,
          })),
      );
    },

    listSharedCustomFields({ store }) {
      return ok(
        activeFields(store)
          .filter((field) => field.shared === true)
          .map((field) => ({
            uid: field.id,
            label: field.label,
            description: field.description,
            type: field.type,
          })),
      );
    },

    listCustomFieldsByCategory({ params, store }) {
      const category = params["category_id"];
      return ok(
        activeFields(store)
          .filter((field) => fieldCategories(field).includes(category))
          .map((field) => field.id),
      );
    },

    listStartingCustomFieldsByCategory({ params, store }) {
      // Labels are stored in one language; `language` does not change them (our choice).
      const category = params["category_id"];
      return ok(
        activeFields(store)
          .filter((field) => !field.shared && fieldCategories(field).includes(category))
          .map((field) => ({
            uid: field.id,
            label: field.label,
            type_id: field.type,
            subtype_id: field.subtype_id ?? "0",
            multiple_selection: field.multiple_selection ?? false,
            is_required: field.starting_required ?? field.is_required,
          })),
      );
    },

    listCustomFieldTypes({ store }) {
      return ok(
        store
          .all<StoredRecord & { name: string }>(CUSTOM_FIELD_TYPE)
          .map((type) => ({ id: type.id, name: type.name })),
      );
    },

    listCustomFieldListOptions: ({ params, store }) => readOptions(store, params, LIST_ONLY),
    addCustomFieldListOptions: ({ params, store }) => upsertOptions(store, params, LIST_ONLY),
    deleteCustomFieldListOptions: ({ params, store }) => removeOptions(store, params, LIST_ONLY),

    getCustomFieldListOptionsConfig({ params, store }) {
      const lookup = fieldOfKind(store, params["uid"], LIST_ONLY);
      if ("refusal" in lookup) return lookup.refusal;
      const configurations = lookup.field.configurations ?? [];
      return ok({ configurations, count: configurations.length });
    },

    listCustomFieldOptions: ({ params, store }) => readOptions(store, params, LIST_OR_TREE),
    addCustomFieldOptions: ({ params, store }) => upsertOptions(store, params, LIST_OR_TREE),
    updateCustomFieldOptions: ({ params, store }) => upsertOptions(store, params, LIST_OR_TREE),
    deleteCustomFieldOptions: ({ params, store }) => removeOptions(store, params, LIST_OR_TREE),

    listCustomFieldTreeOptions({ params, store }) {
      const lookup = fieldOfKind(store, params["uid"], [FIELD_TYPE.tree]);
      if ("refusal" in lookup) return lookup.refusal;
      return ok((lookup.field.tree ?? []) as unknown as Json);
    },

    addCustomFieldTreeOption({ params, store }) {
      const lookup = fieldOfKind(store, params["uid"], [FIELD_TYPE.tree]);
      if ("refusal" in lookup) return lookup.refusal;
      const { field } = lookup;
      const tree = structuredClone(field.tree ?? []);
      const name = params["name"];
      const key = params["key"];
      // A key already in the tree: that option is overwritten where it stands (the description).
      const holder = key === undefined ? undefined : findTreeOption(tree, (o) => o.key === key);
      if (holder) {
        holder.option.name = name;
        saveTree(store, field, tree);
        return written("Option added.");
      }
      let siblings = tree;
      const parentHash = params["parent_hash"];
      if (parentHash !== undefined) {
        const parent = findTreeOption(tree, (o) => o.hash === parentHash);
        if (!parent) return refused(`Custom field ${field.id} has no option ${parentHash}.`);
        siblings = parent.option.children;
      }
      const hash = newTreeHash(store, field.id, tree);
      siblings.push({ hash, key: key ?? hash, name, children: [] });
      saveTree(store, field, tree);
      return written("Option added.");
    },

    updateCustomFieldTreeOption({ params, store }) {
      const lookup = fieldOfKind(store, params["uid"], [FIELD_TYPE.tree]);
      if ("refusal" in lookup) return lookup.refusal;
      const { field } = lookup;
      const tree = structuredClone(field.tree ?? []);
      const hash = params["hash"];
      const key = params["key"];
      const name = params["name"];
      const found = findTreeOption(tree, (o) => o.hash === hash);
      if (!found) {
        // Nothing has that hash: the server adds the option at the root (the description).
        tree.push({ hash, key: key ?? hash, name: name ?? key ?? hash, children: [] });
        saveTree(store, field, tree);
        return written("Option added.");
      }
      if (key !== undefined && findTreeOption(tree, (o) => o.key === key && o.hash !== hash)) {
        return refused(`Custom field ${field.id} already has an option with key ${key}.`);
      }
      if (key !== undefined) found.option.key = key;
      if (name !== undefined) found.option.name = name;
      saveTree(store, field, tree);
      return written("Option updated.");
    },

    deleteCustomFieldTreeOption({ params, store }) {
      const lookup = fieldOfKind(store, params["uid"], [FIELD_TYPE.tree]);
      if ("refusal" in lookup) return lookup.refusal;
      const { field } = lookup;
      const tree = structuredClone(field.tree ?? []);
      const hash = params["hash"];
      const found = findTreeOption(tree, (o) => o.hash === hash);
      // A write aimed at a missing object: 200 ERROR (docs/wire.md#unknown-ids-and-refused-writes).
      if (!found) return refused(`Custom field ${field.id} has no option ${hash}.`);
      found.siblings.splice(found.siblings.indexOf(found.option), 1);
      saveTree(store, field, tree);
      return written("Option deleted.");
    },
  },
};
