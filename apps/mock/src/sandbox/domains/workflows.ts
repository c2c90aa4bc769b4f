// Workflows: workflow definitions and their versions, the workflow a request category starts
// with its starting fields, and the list fields of running workflows. A running workflow is a
// request whose category starts a workflow; its list field values are records of their own
// (`workflow_field_values`, one per request and field, holding the answer GET gives).
import type { Json, JsonObject } from "../../spec/description.js";
import { httpError, ok, phpMap, refused, requireRecord, written } from "../answers.js";
import type { DateWriter } from "../dates.js";
import type { DomainModule, OperationParams } from "../handler.js";
import { REQUEST, type RequestRecord } from "../records/requests.js";
import type { StoredRecord, TenantStore } from "../store.js";

const WORKFLOW = "workflow";
const FIELD_VALUES = "workflow_field_values";

const DEPLOYED = { status: 1, status_name: "Deployed" } as const;
/**
 * Who deploys through the API: the sandbox does not know the caller's address, so it signs
 * with the example data set's API user (decision).
 */
const API_USER = "api-integration";
/** Page size of GET /workflow.process without `limit` (current reference). */
const PAGE_SIZE = 10;

interface VersionRecord extends JsonObject {
  status: number;
  status_name: string;
}

interface WorkflowRecord extends StoredRecord {
  name: string;
  status: number;
  status_name: string;
  created_at: number;
  versions: VersionRecord[];
  /** Request categories whose new requests start this workflow. */
  category_ids: number[];
  /** The fields a request fills in to start the workflow. */
  initial_fields: JsonObject[];
  /** The ids of the workflow's list-type fields. */
  list_fields: string[];
}

interface FieldValuesRecord extends StoredRecord {
  request_id: number;
  field_id: string;
  values: string[];
}

/** The keys of the description's WorkflowProcess, dates as `date_format` asks. */
function workflowOut(workflow: WorkflowRecord, dates: DateWriter): JsonObject {
  const out: JsonObject = { wf_id: workflow.id };
  for (const key of ["name", "description", "author", "created_at", "status", "status_name"]) {
    if (workflow[key] !== undefined) out[key] = workflow[key];
  }
  out["versions"] = workflow.versions.map((v) => dates.fields(v, ["last_updated", "deployed_at"]));
  return dates.fields(out, ["created_at"]);
}

function workflowOfCategory(store: TenantStore, categoryId: number): WorkflowRecord | undefined {
  return store
    .all<WorkflowRecord>(WORKFLOW)
    .find((workflow) => workflow.category_ids.includes(categoryId));
}

/** `wf:page:<n>` in base64, the form of the current reference's example cursor (decision). */
function pageNumber(pageKey: Json | undefined): number | undefined {
  if (pageKey === undefined || pageKey === "") return 1;
  const match = /^wf:page:(\d+)$/.exec(Buffer.from(String(pageKey), "base64").toString("utf8"));
  const page = match ? Number(match[1]) : 0;
  return page >= 1 ? page : undefined;
}

type FieldTarget =
  { error: string } | { requestId: number; fieldId: string; record: FieldValuesRecord | undefined };

/** The running workflow's list field a call names, or why there is none. */
function fieldTarget(
  store: TenantStore,
  params: OperationParams<"addWorkflowFieldListValues" | "listWorkflowFieldListValues">,
): FieldTarget {
  const requestId = params["request_id"];
  const fieldId = String(params["field_id"]);
  const request = store.get<RequestRecord>(REQUEST, requestId);
  if (!request) return { error: `There is no request with id ${requestId}.` };
  const workflow = workflowOfCategory(store, request["category_id"] as number);
  if (!workflow) return { error: `Request ${requestId} does not run a workflow.` };
  if (!workflow.list_fields.includes(fieldId)) {
    return { error: `Workflow ${workflow.id} has no list field ${fieldId}.` };
  }
  const record = store
    .where<FieldValuesRecord>(FIELD_VALUES, "request_id", requestId)
    .find((r) => r.field_id === fieldId);
  return { requestId, fieldId, record };
}

export const domain: DomainModule = {
  tag: "Workflows",
  kinds: {
    [WORKFLOW]: { schema: "WorkflowProcess" },
    [FIELD_VALUES]: { schema: "WorkflowFieldListValues" },
  },
  handlers: {
    deployWorkflow({ params, store, now }) {
      const id = params["workflow_id"];
      const workflowFound = requireRecord<WorkflowRecord>(store, WORKFLOW, id, "workflow");
      if (workflowFound.refusal) return workflowFound.refusal;
      const workflow = workflowFound.record;
      const [newest, ...older] = workflow.versions;
      if (!newest) return refused(`Workflow ${id} has no saved version to deploy.`);
      const deployed = {
        ...newest,
        ...DEPLOYED,
        deployed_at: now,
        deployed_by: API_USER,
        modified: false,
      };
      store.update(WORKFLOW, id, { ...DEPLOYED, versions: [deployed, ...older] });
      return written("Workflow deployed.", { workflow_id: id, description: "Workflow deployed." });
    },

    getWorkflowInitialFieldsByCategory({ params, store }) {
      const categoryId = params["category_id"];
      const workflow = workflowOfCategory(store, categoryId);
      if (!workflow) return refused(`No workflow starts from request category ${categoryId}.`);
      return ok({
        category_id: categoryId,
        associated_workflow_id: workflow.id,
        associated_workflow_name: workflow.name,
        workflow_initial_fields: workflow.initial_fields,
      });
    },

    listWorkflowProcesses({ params, store, dates }) {
      const id = params["id"];
      if (id !== undefined) {
        const workflow = store.get<WorkflowRecord>(WORKFLOW, id);
        // Unknown id: nothing found, PHP's empty array (decision; the status envelope would
        // break the described shape, whose `status` is a number here).
        if (!workflow) return ok([]);
        return ok(workflowOut(workflow, dates));
      }
      const page = pageNumber(params["page_key"]);
      if (page === undefined) {
        return httpError(428, "page_key is not a cursor of this listing (wf:page:<n> in base64).");
      }
      const size = params["limit"] ?? PAGE_SIZE;
      const workflows = store.all<WorkflowRecord>(WORKFLOW).slice((page - 1) * size, page * size);
      const map: Record<string, Json> = {};
      for (const workflow of workflows) map[String(workflow.id)] = workflowOut(workflow, dates);
      // An empty page is PHP's empty array, `[]` (decision).
      return ok(phpMap(map));
    },

    addWorkflowFieldListValues({ params, store }) {
      const target = fieldTarget(store, params);
      if ("error" in target) return refused(target.error);
      const sent = [
        ...(params["value"] === undefined ? [] : [String(params["value"])]),
        ...(Array.isArray(params["values"]) ? params["values"].map(String) : []),
      ];
      if (sent.length === 0) return refused("Send the values as value or values[].");
      const before = target.record?.values ?? [];
      const replace = params["operation"] === "set";
      // A list field holds each value once: adding one it holds already changes nothing.
      const values = [...new Set(replace ? sent : [...before, ...sent])];
      const record = {
        status: "OK",
        request_id: target.requestId,
        field_id: target.fieldId,
        values,
      };
      if (target.record) store.update(FIELD_VALUES, target.record.id, record);
      else store.insert(FIELD_VALUES, record);
      const description = replace
        ? `Set the field to ${values.length} value(s).`
        : `Added ${values.length - before.length} value(s) to the field.`;
      return ok({ ...record, description });
    },

    listWorkflowFieldListValues({ params, store }) {
      const target = fieldTarget(store, params);
      if ("error" in target) return refused(target.error);
      return ok({
        status: "OK",
        request_id: target.requestId,
        field_id: target.fieldId,
        values: target.record?.values ?? [],
      });
    },
  },
};
