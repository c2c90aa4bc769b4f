// A vitest globalSetup as the README shows it: one sandbox for the whole run, its origin handed
// to every test file, stopped when the run ends.
import { startMock } from "@sd-toolkit/mock";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    sandboxOrigin: string;
  }
}

export default async function setup(project: TestProject) {
  const mock = await startMock({ port: 0, mode: "sandbox", memory: true });
  project.provide("sandboxOrigin", mock.origin);
  return () => mock.close();
}
