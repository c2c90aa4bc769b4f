// The sandbox test fixture: one sandbox per test file (started when a test first needs it,
// closed after the file), and per test clients whose every answer is checked against the
// description; a test fails when one differed, unless `undescribed` names it as a choice.
//   const it = sandboxTest({ seed, undescribed });
//   it("...", async ({ client, mock }) => { const sd = client("tenant-name"); ... });
import { expect, test } from "vitest";
import { startMock, type RunningMock, type StartMockOptions } from "../../src/index.js";
import {
  checkedClients,
  type CheckedClients,
  type Client,
  type Fetch,
  type UndescribedChoice,
} from "./checked-client.js";

export interface SandboxTestOptions {
  seed?: StartMockOptions["seed"];
  /** Answers the description does not describe that this file accepts (recorded choices). */
  undescribed?: UndescribedChoice;
}

export interface SandboxFixtures {
  /** The file's sandbox, in memory. */
  mock: RunningMock;
  /** A checked client of the tenant `username` (its Basic user name). */
  client: (username: string) => Client;
  /** The checking fetch behind `client`, for calls the client cannot make (raw bodies). */
  checkedFetch: Fetch;
  checker: CheckedClients;
}

export function sandboxTest(options: SandboxTestOptions = {}) {
  return test.extend<SandboxFixtures>({
    mock: [
      // eslint-disable-next-line no-empty-pattern -- vitest reads fixtures from this pattern
      async ({}, use) => {
        const mock = await startMock({
          port: 0,
          mode: "sandbox",
          memory: true,
          ...(options.seed === undefined ? {} : { seed: options.seed }),
        });
        await use(mock);
        await mock.close();
      },
      { scope: "file" },
    ],
    // eslint-disable-next-line no-empty-pattern -- vitest reads fixtures from this pattern
    checker: async ({}, use) => {
      const checker = checkedClients(options.undescribed);
      await use(checker);
      expect(checker.takeOffDescription(), "answers that differ from the description").toEqual([]);
    },
    client: async ({ mock, checker }, use) => {
      await use((username) => checker.clientFor(username, mock.apiUrl));
    },
    checkedFetch: async ({ checker }, use) => {
      await use(checker.fetch);
    },
  });
}
