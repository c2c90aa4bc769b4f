// System: the release the instance runs. The sandbox imitates one fixed release, one a current
// cloud instance answered (CA endpoints-reference); invgo decodes the answer as an object
// `{version}` (docs/wire.md#answers-that-differ-from-the-manual).
import { ok } from "../answers.js";
import type { DomainModule } from "../handler.js";

/** The release the sandbox answers for (docs/example-data.md), as production writes it. */
export const SANDBOX_RELEASE = "v8.15.13";

export const domain: DomainModule = {
  tag: "System",
  handlers: {
    getServiceDeskVersion() {
      return ok({ version: SANDBOX_RELEASE });
    },
  },
};
