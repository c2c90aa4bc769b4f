// Help Desks: the help desks of the instance and their escalation levels, read from the
// tenant's state. GET /helpdesks and GET /levels answer one object when asked for one record
// by id (or name), an array otherwise; GET /helpdesksandlevels gives both kinds in one flat
// array, each help desk followed by its levels in escalation order.
import type { Json } from "../../spec/description.js";
import { ok } from "../answers.js";
import type { DomainModule } from "../handler.js";
import {
  HELPDESK,
  type HelpdeskRecord,
  helpdeskOut,
  LEVEL,
  type LevelRecord,
  levelOut,
  levelsOf,
} from "../records/help-desks.js";

export const domain: DomainModule = {
  tag: "Help Desks",
  kinds: {
    [HELPDESK]: { schema: "HelpDesk" },
    [LEVEL]: { schema: "HelpDeskLevel" },
  },
  handlers: {
    listHelpdesks({ params, store }) {
      // Removed help desks only with include_deleted=1 (the description).
      const desks = store
        .all<HelpdeskRecord>(HELPDESK)
        .filter((desk) => params["include_deleted"] === true || !desk.deleted);
      const id = params["id"];
      const name = params["name"];
      if (id === undefined && name === undefined) {
        return ok(desks.map((desk) => helpdeskOut(desk, false)));
      }
      const found = desks.find(
        (desk) =>
          (id === undefined || desk.id === id) && (name === undefined || desk.name === name),
      );
      // No match for id or name: an empty array (a guess; apps/mock/README.md#rule-get-helpdesks).
      return ok(found ? helpdeskOut(found, false) : []);
    },

    listLevels({ params, store }) {
      // Unlike the help desk calls, removed levels are in unless include_deleted=0.
      const withDeleted = params["include_deleted"] !== false;
      const levels = store.all<LevelRecord>(LEVEL).filter((level) => withDeleted || !level.deleted);
      const id = params["id"];
      // Production lists each level's help desk here too (CA, verified).
      if (id === undefined) return ok(levels.map((level) => levelOut(level)));
      const found = levels.find((level) => level.id === id);
      return ok(found ? levelOut(found) : []);
    },

    listHelpdesksAndLevels({ params, store }) {
      const withDeleted = params["include_deleted"] === true;
      const id = params["id"];
      const entries: Json[] = [];
      for (const desk of store.all<HelpdeskRecord>(HELPDESK)) {
        if (desk.deleted && !withDeleted) continue;
        if (id === undefined || desk.id === id) entries.push(helpdeskOut(desk, true));
        for (const level of levelsOf(store, desk.id)) {
          if (level.deleted && !withDeleted) continue;
          if (id === undefined || level.id === id) entries.push(levelOut(level));
        }
      }
      return ok(entries);
    },
  },
};
