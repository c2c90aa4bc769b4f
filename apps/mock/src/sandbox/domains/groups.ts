// Groups: create, list and delete groups of users, and their members. Membership writes answer
// `{<user id>: true|false}` (docs/wire.md#answers-that-differ-from-the-manual): true where the
// link was made or removed.
import { ok, phpMap, refused, requireRecord, written } from "../answers.js";
import type { DomainModule } from "../handler.js";
import {
  COMPANY_GROUP,
  GROUP,
  GROUP_USER,
  type GroupRecord,
  liveCount,
  membersOf,
  relateUsers,
  unrelateAll,
  unrelateMember,
} from "../records/people.js";

export const domain: DomainModule = {
  tag: "Groups",
  kinds: { [GROUP]: { schema: "MembershipGroup" } },
  handlers: {
    createGroup({ params, store }) {
      const name = String(params["name"]).trim();
      if (name === "") return refused("The group needs a name.");
      const group = store.insert(GROUP, { name, restricted: 0 });
      return written(`Group ${group.id} created.`, { id: group.id });
    },

    deleteGroup({ params, store }) {
      const id = params["id"];
      const { refusal } = requireRecord(store, GROUP, id, "group");
      if (refusal) return refusal;
      // The users stay; their membership and the group's company links go with it.
      store.remove(GROUP, id);
      unrelateAll(store, GROUP_USER, id);
      unrelateMember(store, COMPANY_GROUP, id);
      return written(`Group ${id} deleted.`);
    },

    listGroups({ params, store }) {
      const groups = store
        .all<GroupRecord>(GROUP)
        .filter(
          (g) =>
            (params["id"] === undefined || g.id === params["id"]) &&
            (params["name"] === undefined || g.name === params["name"]),
        );
      return ok(
        groups.map((g) => ({ id: g.id, name: g.name, total: liveCount(store, GROUP_USER, g.id) })),
      );
    },

    addGroupUsers({ params, store }) {
      const id = params["id"];
      const { refusal } = requireRecord(store, GROUP, id, "group");
      if (refusal) return refusal;
      return ok(phpMap(relateUsers(store, GROUP_USER, id, params["users"], true)));
    },

    removeGroupUsers({ params, store }) {
      const id = params["id"];
      const { refusal } = requireRecord(store, GROUP, id, "group");
      if (refusal) return refusal;
      return ok(phpMap(relateUsers(store, GROUP_USER, id, params["users"], false)));
    },

    listGroupUsers({ params, store }) {
      const id = params["id"];
      // An unknown group has no members: the list is empty.
      return ok(membersOf(store, store.related(GROUP_USER, id), params["user_id"]));
    },
  },
};
