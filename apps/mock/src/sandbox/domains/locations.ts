// Locations: a tree of places (`parent_id`, 0 at the top) and the users placed at each.
// Deleting a location deletes everything nested below it, as the description says.
import { ok, phpMap, refused, requireRecord, written } from "../answers.js";
import type { DomainModule } from "../handler.js";
import type { TenantStore } from "../store.js";
import {
  liveCount,
  LOCATION,
  LOCATION_USER,
  type LocationRecord,
  membersOf,
  relateUsers,
  unrelateAll,
} from "../records/people.js";

/** A location and every location below it, at any depth. */
function subtree(store: TenantStore, root: number): number[] {
  const all = store.all<LocationRecord>(LOCATION);
  const found = [root];
  for (let i = 0; i < found.length; i++) {
    for (const child of all) if (child.parent_id === found[i]) found.push(child.id);
  }
  return found;
}

export const domain: DomainModule = {
  tag: "Locations",
  kinds: { [LOCATION]: { schema: "NamedItem" } },
  handlers: {
    createLocation({ params, store }) {
      const name = String(params["name"]).trim();
      if (name === "") return refused("The location needs a name.");
      const parent = typeof params["parent_id"] === "number" ? params["parent_id"] : 0;
      if (parent !== 0 && !store.get(LOCATION, parent)) {
        return refused(`There is no location with id ${parent} to nest under.`);
      }
      const location = store.insert(LOCATION, { name, parent_id: parent });
      return written(`Location ${location.id} created.`, { id: location.id });
    },

    deleteLocation({ params, store }) {
      const id = params["id"];
      const { refusal } = requireRecord(store, LOCATION, id, "location");
      if (refusal) return refusal;
      for (const location of subtree(store, id)) {
        store.remove(LOCATION, location);
        unrelateAll(store, LOCATION_USER, location);
      }
      return written(`Location ${id} deleted.`);
    },

    listLocations({ params, store }) {
      const locations = store
        .all<LocationRecord>(LOCATION)
        .filter((l) => params["id"] === undefined || l.id === params["id"]);
      return ok(
        locations.map((l) => ({
          id: l.id,
          name: l.name,
          total: liveCount(store, LOCATION_USER, l.id),
          parent_id: l.parent_id,
        })),
      );
    },

    addLocationUsers({ params, store }) {
      const id = params["id"];
      const { refusal } = requireRecord(store, LOCATION, id, "location");
      if (refusal) return refusal;
      return ok(phpMap(relateUsers(store, LOCATION_USER, id, params["users"], true)));
    },

    removeLocationUsers({ params, store }) {
      const id = params["id"];
      const { refusal } = requireRecord(store, LOCATION, id, "location");
      if (refusal) return refusal;
      return ok(phpMap(relateUsers(store, LOCATION_USER, id, params["users"], false)));
    },

    listLocationUsers({ params, store }) {
      const id = params["id"];
      return ok(membersOf(store, store.related(LOCATION_USER, id), params["user_id"]));
    },
  },
};
