// Configuration Items: CIs by id, and the assets of ITAM integrations with the requests linked
// to them. Links are the `request_ci` relation (request, CI) that the Requests domain writes;
// an asset is a CI of the `Asset` group, named by its id in the integration (see records/cis.ts).
import type { Json, JsonObject } from "../../spec/description.js";
import { ok, phpMap } from "../answers.js";
import type { DomainModule } from "../handler.js";
import { assetsById, CI, type CiRecord, ciOut, requestsOfCi } from "../records/cis.js";
import { isFinal } from "../records/requests.js";

export const domain: DomainModule = {
  tag: "Configuration Items",
  kinds: { [CI]: { schema: "ConfigurationItem" } },
  handlers: {
    listCisById({ params, store }) {
      const source = params["ci_source_id"];
      const found: JsonObject[] = [];
      for (const id of params["ci_internal_ids"]) {
        const ci = store.get<CiRecord>(CI, id);
        if (ci && (typeof source !== "number" || ci.ci_source_id === source)) found.push(ciOut(ci));
      }
      return ok(found);
    },

    listAssetRequests({ params, store }) {
      const source = params["assets_source_id"];
      const entries: JsonObject[] = [];
      for (const assetId of new Set(params["assets_ids"])) {
        for (const asset of assetsById(store, assetId, source)) {
          for (const request of requestsOfCi(store, asset.id)) {
            entries.push({
              asset_id: assetId,
              status_id: request.status_id,
              incident_id: request.id,
            });
          }
        }
      }
      return ok(entries);
    },

    countLinkedAssets({ params, store }) {
      // Undescribed answer, in the layout of the CI counters (a guess; rule row:
      // apps/mock/README.md#rule-get-assets-linked-assets-counters-from): per asset with a
      // linked request created since `from`, the requests counted by status id and, for the
      // ones not final (1-5, as the lists count them), by type id.
      const source = params["assets_source_id"];
      const from = params["from"];
      const out: JsonObject[] = [];
      for (const asset of store.all<CiRecord>(CI)) {
        if (asset.group !== "Asset" || asset.ci_source_id !== source) continue;
        const requests = requestsOfCi(store, asset.id).filter(
          (request) => typeof request["created_at"] === "number" && request["created_at"] >= from,
        );
        if (requests.length === 0) continue;
        const status: Record<string, number> = {};
        const type: Record<string, number> = {};
        for (const request of requests) {
          const statusKey = String(request.status_id);
          status[statusKey] = (status[statusKey] ?? 0) + 1;
          if (!isFinal(request)) {
            const typeKey = String(request["type_id"] as Json);
            type[typeKey] = (type[typeKey] ?? 0) + 1;
          }
        }
        // PHP writes an empty map of counters as `[]`.
        out.push({
          asset_id: String(asset.ci_external_id),
          requests: { status: phpMap(status), type: phpMap(type) },
        });
      }
      return ok(out);
    },
  },
};
