// Request categories: a flat list whose tree is rebuilt from `parent_category_id` (0 at the top).
// Stored with integer ids; the answers of GET /categories write them as text
// (docs/wire.md#answers-that-differ-from-the-manual).
import type { StoredRecord } from "../store.js";

export const CATEGORY = "category";

export interface CategoryRecord extends StoredRecord {
  name: string;
  parent_category_id: number;
}
