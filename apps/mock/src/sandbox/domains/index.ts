// Every domain module of the sandbox, one per tag of the description, under its file name (the
// registry checks that the name is the tag's). A plain list, so readers and tools follow it;
// the registry test fails when an operation of the description has no handler here.
import type { DomainModule } from "../handler.js";
import { domain as breakingNews } from "./breaking-news.js";
import { domain as categories } from "./categories.js";
import { domain as companies } from "./companies.js";
import { domain as configurationItems } from "./configuration-items.js";
import { domain as customFields } from "./custom-fields.js";
import { domain as dataExports } from "./data-exports.js";
import { domain as groups } from "./groups.js";
import { domain as helpDesks } from "./help-desks.js";
import { domain as internalNotes } from "./internal-notes.js";
import { domain as knowledgeBase } from "./knowledge-base.js";
import { domain as locations } from "./locations.js";
import { domain as observers } from "./observers.js";
import { domain as requestApprovals } from "./request-approvals.js";
import { domain as requestAttributes } from "./request-attributes.js";
import { domain as requestComments } from "./request-comments.js";
import { domain as requestLists } from "./request-lists.js";
import { domain as requestWaitingStates } from "./request-waiting-states.js";
import { domain as requests } from "./requests/index.js";
import { domain as system } from "./system.js";
import { domain as timeTracking } from "./time-tracking.js";
import { domain as triggers } from "./triggers.js";
import { domain as users } from "./users.js";
import { domain as workflows } from "./workflows.js";

export const DOMAIN_MODULES: ReadonlyMap<string, DomainModule> = new Map([
  ["breaking-news", breakingNews],
  ["categories", categories],
  ["companies", companies],
  ["configuration-items", configurationItems],
  ["custom-fields", customFields],
  ["data-exports", dataExports],
  ["groups", groups],
  ["help-desks", helpDesks],
  ["internal-notes", internalNotes],
  ["knowledge-base", knowledgeBase],
  ["locations", locations],
  ["observers", observers],
  ["request-approvals", requestApprovals],
  ["request-attributes", requestAttributes],
  ["request-comments", requestComments],
  ["request-lists", requestLists],
  ["request-waiting-states", requestWaitingStates],
  ["requests", requests],
  ["system", system],
  ["time-tracking", timeTracking],
  ["triggers", triggers],
  ["users", users],
  ["workflows", workflows],
]);
