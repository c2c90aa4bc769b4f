// Public surface of the generated types: the three maps openapi-typescript emits, helpers to
// reach into them by path and method, and friendly names for the schemas integrators use
// most. The aliases are written out (not generated) so that renaming a schema in the
// description breaks this file loudly instead of silently dropping an export.
import type { components, paths } from "./generated/schema.js";

export type { components, operations, paths } from "./generated/schema.js";

/** Any schema of the description, by its component name. */
export type Schema<Name extends keyof components["schemas"]> = components["schemas"][Name];

/** HTTP methods the description uses. */
export type HttpMethod = "get" | "put" | "post" | "patch" | "delete";

/** Paths of the description that support the given method. */
export type PathsWith<M extends HttpMethod> = {
  [P in keyof paths]: paths[P] extends Record<M, object> ? P : never;
}[keyof paths];

/**
 * Every operation of the description as `"METHOD /endpoint"` (`"GET /incident"`), the way the
 * mock's faults and the client's `scopesFor` name operations: a misspelt one does not compile.
 */
export type OperationKey = {
  [P in keyof paths]: {
    [M in HttpMethod]-?: [NonNullable<paths[P][M]>] extends [never]
      ? never
      : `${Uppercase<M>} ${P & string}`;
  }[HttpMethod];
}[keyof paths];

/** The JSON body of the 200 answer of an operation. */
export type SuccessBody<P extends keyof paths, M extends HttpMethod> =
  paths[P] extends Record<
    M,
    { responses: { 200: { content: { "application/json": infer Body } } } }
  >
    ? Body
    : never;

/** The query parameters of a GET or DELETE operation. */
export type QueryParams<P extends keyof paths, M extends HttpMethod> =
  paths[P] extends Record<M, { parameters: { query?: infer Query } }> ? NonNullable<Query> : never;

/** The form body of a POST, PUT or PATCH operation. */
export type FormBody<P extends keyof paths, M extends HttpMethod> =
  paths[P] extends Record<
    M,
    { requestBody?: { content: { "application/x-www-form-urlencoded": infer Body } } }
  >
    ? Body
    : never;

/** The multipart body of an operation that accepts files; file fields are `Blob`s. */
export type MultipartBody<P extends keyof paths, M extends HttpMethod> =
  paths[P] extends Record<M, { requestBody?: { content: { "multipart/form-data": infer Body } } }>
    ? Body
    : never;

// Shared envelopes and values.
export type WriteResult = Schema<"WriteResult">;
export type ResultStatus = Schema<"ResultStatus">;
export type ErrorBody = Schema<"ErrorBody">;
export type Timestamp = Schema<"Timestamp">;
export type NamedItem = Schema<"NamedItem">;

// Requests and their parts.
export type Request = Schema<"Request">;
export type RequestMap = Schema<"RequestMap">;
export type RequestComment = Schema<"RequestComment">;
export type RequestAttachment = Schema<"RequestAttachment">;
export type Approval = Schema<"Approval">;
export type IncidentTask = Schema<"IncidentTask">;

// People and organisation.
export type User = Schema<"User">;
export type Member = Schema<"Member">;
export type Location = Schema<"Location">;
export type OrgUnit = Schema<"OrgUnit">;
export type HelpDesk = Schema<"HelpDesk">;
export type HelpDeskLevel = Schema<"HelpDeskLevel">;
export type EntityObservers = Schema<"EntityObservers">;

// Knowledge and configuration.
export type KbArticle = Schema<"KbArticle">;
export type KbCategory = Schema<"KbCategory">;
export type BreakingNews = Schema<"BreakingNews">;
export type RequestCategory = Schema<"RequestCategory">;
export type CustomField = Schema<"CustomField">;
export type ConfigurationItem = Schema<"ConfigurationItem">;
export type InternalNote = Schema<"InternalNote">;
export type TimeTrackingEntry = Schema<"TimeTrackingEntry">;
export type Trigger = Schema<"Trigger">;
