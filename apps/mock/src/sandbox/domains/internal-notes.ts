// Internal Notes: private notes agents keep about a user, help desk, company, group or external
// entity. Every answer of a write spells its key `Status` with a capital S, as the server does.
import type { JsonObject } from "../../spec/description.js";
import { ok } from "../answers.js";
import { paramNamed } from "../handler.js";
import type { DomainModule, SandboxAnswer } from "../handler.js";
import type { StoredRecord } from "../store.js";

export const INTERNAL_NOTE = "internal_note";

interface NoteRecord extends StoredRecord {
  title: string;
  description: string;
  object_type: number;
  object_id: number;
  author_id: number;
  last_author: number;
  created_at: number;
  last_update: number;
}

/** The write envelope of this tag: `Status`, not `status` (InternalNoteWriteResult). */
function noteWritten(): SandboxAnswer {
  return ok({ Status: "OK" });
}

/** A refusal in this tag's envelope, with an `info` saying why (HTTP 200, as every write). */
function noteRefused(info: string): SandboxAnswer {
  return ok({ Status: "ERROR", info });
}

export const domain: DomainModule = {
  tag: "Internal Notes",
  kinds: { [INTERNAL_NOTE]: { schema: "InternalNote" } },
  handlers: {
    createInternalNote({ params, store, now }) {
      // The record the note is about is not looked up (our choice): its kinds belong to other
      // domains, and external entities have no record of their own in the sandbox.
      const author = params["author_id"];
      store.insert(INTERNAL_NOTE, {
        title: params["title"],
        description: params["description"],
        object_type: params["object_type"],
        object_id: params["object_id"],
        author_id: author,
        last_author: author,
        created_at: now,
        last_update: now,
      });
      return noteWritten();
    },

    updateInternalNote({ params, store, now }) {
      const id = params["id"];
      if (!store.get<NoteRecord>(INTERNAL_NOTE, id)) {
        return noteRefused(`There is no internal note with id ${id}.`);
      }
      const changes: JsonObject = { last_author: params["author_id"], last_update: now };
      for (const field of ["title", "description"]) {
        const value = paramNamed(params, field);
        if (typeof value === "string") changes[field] = value;
      }
      store.update(INTERNAL_NOTE, id, changes);
      return noteWritten();
    },

    deleteInternalNote({ params, store }) {
      const id = params["id"];
      if (!store.remove(INTERNAL_NOTE, id)) {
        return noteRefused(`There is no internal note with id ${id}.`);
      }
      return noteWritten();
    },

    listInternalNotes({ params, store, dates }) {
      // `id` is required by the description; `id=0` reads every note (our choice: the manual
      // presents the call as listing all notes or one), then the object filters narrow it.
      const id = params["id"];
      const type = params["object_type"];
      const object = params["object_id"];
      const notes = (
        id === 0
          ? store.all<NoteRecord>(INTERNAL_NOTE)
          : [store.get<NoteRecord>(INTERNAL_NOTE, id)].filter((n) => n !== undefined)
      ).filter(
        (n) =>
          (type === undefined || n.object_type === type) &&
          (object === undefined || n.object_id === object),
      );
      return ok(notes.map((n) => dates.fields({ ...n }, ["created_at", "last_update"])));
    },
  },
};
