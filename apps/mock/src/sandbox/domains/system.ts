// System: the release the instance runs. The sandbox imitates one fixed release, the one the
// example data set names; invgo decodes the answer as an object `{version}`
// (docs/wire.md#answers-that-differ-from-the-manual).
import { ok } from "../answers.js";
import type { DomainModule } from "../handler.js";

/** The release the sandbox answers for (docs/example-data.md). */
export const SANDBOX_RELEASE = "7.4.1";

export const domain: DomainModule = {
  tag: "System",
  handlers: {
    getServiceDeskVersion() {
      return ok({ version: SANDBOX_RELEASE });
    },
  },
};
