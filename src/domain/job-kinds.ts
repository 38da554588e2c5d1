/** The job kinds the worker runs for incidents, and their payloads. */
export const DISCOVER_JOB = 'step.discover';
export const EXECUTE_JOB = 'step.execute';

export interface DiscoverPayload {
  stepId: string;
}

export interface ExecutePayload {
  stepId: string;
  digest: string;
}

export const discoverKey = (stepId: string) => `discover:${stepId}`;
export const executeKey = (stepId: string, digest: string) => `execute:${stepId}:${digest}`;
