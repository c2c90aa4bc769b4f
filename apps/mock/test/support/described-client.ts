// The checked clients of ./checked-client.ts for test files whose sandbox starts in a hook: the
// API URL is read when a client is made.
import { checkedClients, type Client, type UndescribedChoice } from "./checked-client.js";

export type { UndescribedChoice };

export interface DescribedClients {
  clientFor(username: string): Client;
  /** The off-description answers seen since the last call, emptied. */
  takeOffDescription(): string[];
}

export function describedClients(
  apiUrl: () => string,
  undescribed: UndescribedChoice = () => false,
): DescribedClients {
  const clients = checkedClients(undescribed);
  return {
    clientFor: (username) => clients.clientFor(username, apiUrl()),
    takeOffDescription: () => clients.takeOffDescription(),
  };
}
