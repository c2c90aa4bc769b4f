// The people and records around a request: observers and collaborators (bare arrays of user
// ids), links to other requests, and links to external entities (the `link_id` the
// external-entity wait needs).
import { idText, ok, refused, requireRecord, written } from "../../answers.js";
import type { Handler, Handlers, OperationParams } from "../../handler.js";
import {
  knownOrUnseeded,
  linkedRequestIds,
  REQUEST,
  REQUEST_COLLABORATOR,
  REQUEST_EXTERNAL_LINK,
  REQUEST_LINK,
  REQUEST_OBSERVER,
  type RequestRecord,
} from "../../records/requests.js";
import type { StoredRecord } from "../../store.js";

export interface ExternalLinkRecord extends StoredRecord {
  request_id: number;
  ref_id: number;
  name: string;
  status: boolean;
  type: number | string;
}

/** The users a call names: `user_id`, `users_id[]`, or both. */
function namedUsers(
  params: OperationParams<"addIncidentObserver" | "addIncidentCollaborator">,
): number[] {
  const users = Array.isArray(params["users_id"]) ? params["users_id"] : [];
  const one = params["user_id"];
  return [...new Set(typeof one === "number" ? [one, ...users] : users)];
}

/** POST /incident.observer and /incident.collaborator: one relation, two roles. */
function addParticipants(
  relation: string,
  role: string,
): Handler<"addIncidentObserver" | "addIncidentCollaborator"> {
  return ({ params, store, now }) => {
    const id = params["request_id"];
    const { refusal } = requireRecord(store, REQUEST, id, "request");
    if (refusal) return refusal;
    const users = namedUsers(params);
    // The description marks both optional, but without either the call has nothing to do.
    if (users.length === 0) return refused("Send user_id or users_id[] with the users to add.");
    const unknown = users.filter((user) => !knownOrUnseeded(store, "user", user));
    if (unknown.length > 0) return refused(`There is no user with id ${unknown.join(", ")}.`);
    for (const user of users) store.relate(relation, id, user);
    store.update(REQUEST, id, { last_update: now });
    return written(`${users.length} ${role}${users.length === 1 ? "" : "s"} added.`);
  };
}

/** GET of the same two: a bare array of user ids, `[]` for an unknown request. */
function listParticipants(
  relation: string,
): Handler<"listIncidentObservers" | "listIncidentCollaborators"> {
  return ({ params, store }) => ok(store.related(relation, params["request_id"]));
}

export const relationHandlers: Handlers = {
  addIncidentObserver: addParticipants(REQUEST_OBSERVER, "observer"),
  listIncidentObservers: listParticipants(REQUEST_OBSERVER),
  addIncidentCollaborator: addParticipants(REQUEST_COLLABORATOR, "collaborator"),
  listIncidentCollaborators: listParticipants(REQUEST_COLLABORATOR),

  linkIncidents({ params, store, now }) {
    const id = params["request_id"];
    // This call may explain a refusal in `error` (WriteResultWithError): both are sent.
    const refuse = (text: string) => refused(text, { error: text });
    if (!store.get(REQUEST, id)) return refuse(`There is no request with id ${id}.`);
    const others = [...new Set(params["request_ids"])];
    if (others.includes(id)) return refuse(`Request ${id} cannot be linked to itself.`);
    const unknown = others.filter((other) => !store.get(REQUEST, other));
    if (unknown.length > 0) return refuse(`There is no request with id ${unknown.join(", ")}.`);
    for (const other of others) {
      // A link reads the same from both ends: store it once.
      if (!linkedRequestIds(store, id).includes(other)) store.relate(REQUEST_LINK, id, other);
    }
    store.update(REQUEST, id, { last_update: now });
    return written("Requests linked.");
  },

  listIncidentLinks({ params, store }) {
    const links = linkedRequestIds(store, params["request_id"]).flatMap((other) => {
      const linked = store.get<RequestRecord>(REQUEST, other);
      return linked ? [{ id: linked.id, title: String(linked["title"] ?? "") }] : [];
    });
    return ok(links);
  },

  linkIncidentExternalEntity({ params, store, now }) {
    const id = params["request_id"];
    const { refusal } = requireRecord(store, REQUEST, id, "request");
    if (refusal) return refusal;
    const entityId = params["external_entity_id"];
    // No call lists or creates external entities; the sandbox knows those its links name.
    const known = store
      .where<ExternalLinkRecord>(REQUEST_EXTERNAL_LINK, "ref_id", entityId)
      .find((link) => link.name !== "");
    if (!known) return refused(`There is no external entity with id ${entityId}.`);
    const ref = params["external_entity_ref_id"];
    if (typeof ref === "string" && ref !== "" && !/^\d+$/.test(ref)) {
      // The list call gives the reference as an integer, so only digits can be stored.
      return refused("external_entity_ref_id must be the entity's case number, in digits.");
    }
    const link = store.insert(REQUEST_EXTERNAL_LINK, {
      request_id: id,
      ref_id: entityId,
      name: known.name,
      ...(typeof ref === "string" && ref !== "" ? { ext_ref_id: Number(ref) } : {}),
      status: true,
      type: 100,
    });
    store.update(REQUEST, id, { last_update: now });
    return written("External entity linked.", { link_id: idText(link.id) });
  },

  listIncidentExternalEntities({ params, store }) {
    const links = store.where<ExternalLinkRecord>(
      REQUEST_EXTERNAL_LINK,
      "request_id",
      params["request_id"],
    );
    return ok(links.map(({ id, request_id: _request, ...link }) => ({ link_id: id, ...link })));
  },
};
