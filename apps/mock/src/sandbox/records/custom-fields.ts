// Custom fields as stored, and their options. A field record follows the description's
// CustomField (`uid` equals the record id) plus bookkeeping that the answers pick from: whether
// it is active or shared, how the creation form shows it, and its options. A list field keeps
// its options in `options` (key and label, in the order written); a tree field keeps its option
// tree in `tree` (CustomFieldTreeOption, nested), so the list, tree and legacy option endpoints
// all act on one state.
import { createHash } from "node:crypto";
import type { JsonObject } from "../../spec/description.js";
import type { StoredRecord, TenantStore } from "../store.js";

export const CUSTOM_FIELD = "custom_field";
export const CUSTOM_FIELD_TYPE = "custom_field_type";
/** A counter only (no records): numbers the tree options created, to derive their hashes. */
const TREE_OPTION_COUNTER = "custom_field_tree_option";

/** Field kinds whose options the option endpoints manage (ids of GET /cf.fields.types). */
export const FIELD_TYPE = { list: 3, tree: 4 } as const;

export interface ListOption {
  key: string;
  label: string;
}

export interface TreeOption {
  hash: string;
  key: string;
  name: string;
  children: TreeOption[];
}

export type CustomFieldRecord = StoredRecord & {
  uid: number;
  label: string;
  type: number;
  description: string;
  /** Category ids, comma-separated, as the answers carry them (`"37,38"`). */
  categories: string;
  is_required: boolean;
  /** False for a disabled field: left out of every listing. Absent means active. */
  active?: boolean;
  /** A field shared between categories: listed by GET /cf.fields.shared.all only. */
  shared?: boolean;
  /** How the creation form shows the field (GET /cf.starting.fields.by.category). */
  subtype_id?: string;
  multiple_selection?: boolean;
  /** Whether a new request must fill it; the field's `is_required` when absent. */
  starting_required?: boolean;
  options?: ListOption[];
  tree?: TreeOption[];
  /** Settings attached to the options (GET /cf.field.options.list.config). */
  configurations?: JsonObject[];
};

export function isActive(field: CustomFieldRecord): boolean {
  return field.active !== false;
}

/** The category ids a field applies to. */
export function fieldCategories(field: CustomFieldRecord): number[] {
  return field.categories
    .split(",")
    .map((part) => Number(part.trim()))
    .filter((id) => Number.isInteger(id) && id > 0);
}

/** Every option of a tree, depth first, each with the list that holds it. */
export function walkTree(
  tree: TreeOption[],
  visit: (option: TreeOption, siblings: TreeOption[]) => boolean | void,
): boolean {
  for (const option of tree) {
    if (visit(option, tree) === true) return true;
    if (walkTree(option.children, visit)) return true;
  }
  return false;
}

export function findTreeOption(
  tree: TreeOption[],
  test: (option: TreeOption) => boolean,
): { option: TreeOption; siblings: TreeOption[] } | undefined {
  let found: { option: TreeOption; siblings: TreeOption[] } | undefined;
  walkTree(tree, (option, siblings) => {
    if (!test(option)) return false;
    found = { option, siblings };
    return true;
  });
  return found;
}

/**
 * A new option hash: eight hex digits derived from the field and a per-tenant counter, so the
 * same calls on the same seed give the same hashes; one already in the tree is skipped.
 */
export function newTreeHash(store: TenantStore, uid: number, tree: TreeOption[]): string {
  for (;;) {
    const n = store.nextId(TREE_OPTION_COUNTER);
    const hash = createHash("sha256").update(`${uid}:${n}`).digest("hex").slice(0, 8);
    if (!findTreeOption(tree, (option) => option.hash === hash)) return hash;
  }
}
