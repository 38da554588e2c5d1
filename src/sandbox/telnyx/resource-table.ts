import type { ResourceSpec } from './resource-spec.js';
import { APP_RESOURCES } from './resource-specs-apps.js';
import { NOTIFICATION_RESOURCES } from './resource-specs-notifications.js';
import { SIP_RESOURCES } from './resource-specs-sip.js';

export const RESOURCES: readonly ResourceSpec[] = [
  ...SIP_RESOURCES,
  ...APP_RESOURCES,
  ...NOTIFICATION_RESOURCES,
];

export function resourceByPath(path: string): ResourceSpec | undefined {
  return RESOURCES.find((r) => r.path === path);
}
