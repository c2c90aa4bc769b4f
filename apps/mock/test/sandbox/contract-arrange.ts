// Some example calls only make sense in a state the seed does not start in: accepting,
// rejecting or reopening the solution of request 4211 needs a solution proposed first (the
// seed keeps 4211 open, as most examples show it). The contract test runs these steps in the
// operation's tenant before its example call, through the same client.
import type { createServiceDeskClient } from "@sd-toolkit/client";

type Client = ReturnType<typeof createServiceDeskClient>;

async function proposeSolutionOn4211(sd: Client): Promise<void> {
  const { data } = await sd.POST("/incident.comment", {
    body: {
      request_id: 4211,
      author_id: 1042,
      comment: "Rolled back the BIOS to 1.18.0; please try booting now.",
      is_solution: true,
      customer_visible: true,
    },
  });
  if ((data as { status?: string } | undefined)?.status !== "OK") {
    throw new Error(`Could not propose a solution on 4211: ${JSON.stringify(data)}`);
  }
}

/** Steps to run before an operation's example call, by operationId. */
export const ARRANGE: Record<string, (sd: Client) => Promise<void>> = {
  acceptIncidentSolution: proposeSolutionOn4211,
  rejectIncidentSolution: proposeSolutionOn4211,
  reopenIncident: proposeSolutionOn4211,
};
