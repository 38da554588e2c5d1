// Which simulated Twilio route a request names: its template matched against the path, parameters decoded.
import { ROUTES, type Route } from './routes.js';

export interface RouteMatch {
  /** `METHOD /template`, or `METHOD ?` when no template fits the path. */
  label: string;
  route: Route | undefined;
  params: Record<string, string>;
}

function matchTemplate(template: string, path: string): Record<string, string> | undefined {
  const names: string[] = [];
  const pattern = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_m, name: string) => {
    names.push(name);
    return '([^/]+?)';
  });
  const match = new RegExp(`^${pattern}$`).exec(path);
  if (!match) return undefined;
  return Object.fromEntries(names.map((name, i) => [name, decodeSegment(match[i + 1] ?? '')]));
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The route for `method` and `path`; literal templates (`Accounts.json`) win over `{Sid}` ones. */
export function matchRoute(method: string, path: string): RouteMatch {
  let template: string | undefined;
  let params: Record<string, string> = {};
  for (const route of ROUTES) {
    const found = matchTemplate(route.template, path);
    if (!found) continue;
    template ??= route.template;
    if (route.template !== template) continue;
    params = found;
    if (route.method === method) return { label: `${method} ${template}`, route, params };
  }
  return { label: `${method} ${template ?? '?'}`, route: undefined, params };
}
