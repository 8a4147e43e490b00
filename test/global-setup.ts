// Vitest global setup for integration tests: one migrated template database per run, dropped afterwards.
import type { TestProject } from "vitest/node";
import { createTemplate, dropTestDatabases, testServerUrl } from "./db";

declare module "vitest" {
  export interface ProvidedContext {
    testServerUrl: string;
    templateDb: string;
  }
}

/** Creates the template and hands its name to the test files. */
export default async function setup(project: TestProject) {
  const serverUrl = await testServerUrl();
  await dropTestDatabases(serverUrl);
  project.provide("testServerUrl", serverUrl);
  project.provide("templateDb", await createTemplate(serverUrl));
  return async () => dropTestDatabases(serverUrl);
}
