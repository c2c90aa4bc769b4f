// Configuration items (CIs) and the assets of ITAM integrations. One record per CI, keyed by its
// Service Desk id (`ci_internal_id`); an asset is a CI of the `Asset` group, and its asset id is
// the CI's id in the integration (`ci_external_id`), written as text.
//
// Besides the description's three fields, a stored CI carries bookkeeping the answers leave
// out: `ci_source_id` (the integration), `group` (`Asset` or `BusinessApplication`, the CI
// class GET /incidents.by.cis filters on) and `group_name` (the CMDB group, "Laptops").
import type { JsonObject } from "../../spec/description.js";
import type { StoredRecord, TenantStore } from "../store.js";
import { REQUEST, type RequestRecord } from "./requests.js";

export const CI = "ci";
/**
 * `(request, CI internal id)` pairs: the CIs linked to a request. The Requests domain owns and
 * writes this relation (custom fields of CI type); the lists and counters here only read it.
 */
export const REQUEST_CI = "request_ci";

export interface CiRecord extends StoredRecord {
  ci_internal_id: number;
  ci_external_id: number;
  ci_name: string;
  ci_source_id: number;
  group: string;
  group_name: string;
}

/** A CI as GET /cis.by.id answers it: the description's three fields, nothing else. */
export function ciOut(ci: CiRecord): JsonObject {
  return {
    ci_internal_id: ci.ci_internal_id,
    ci_external_id: ci.ci_external_id,
    ci_name: ci.ci_name,
  };
}

/** The assets of one integration (or of every integration) whose asset id is `assetId`. */
export function assetsById(store: TenantStore, assetId: string, sourceId?: number): CiRecord[] {
  return store
    .all<CiRecord>(CI)
    .filter(
      (ci) =>
        ci.group === "Asset" &&
        String(ci.ci_external_id) === assetId &&
        (sourceId === undefined || ci.ci_source_id === sourceId),
    );
}

/** The requests linked to a CI that still exist, by ascending id. */
export function requestsOfCi(store: TenantStore, ciId: number): RequestRecord[] {
  return store
    .relatedTo(REQUEST_CI, ciId)
    .map((id) => store.get<RequestRecord>(REQUEST, id))
    .filter((request): request is RequestRecord => request !== undefined);
}
