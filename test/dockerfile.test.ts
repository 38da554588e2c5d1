import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// No Docker engine runs on the build machines, so the image is kept correct by review and by this
// test, which reads the Dockerfile for the properties the deployment relies on.
const text = readFileSync(new URL('../Dockerfile', import.meta.url), 'utf8');
const instructions = text
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));
const stages = instructions.filter((l) => l.startsWith('FROM '));
const finalStage = instructions.slice(instructions.lastIndexOf(stages.at(-1) ?? ''));

describe('Dockerfile', () => {
  it('when read, then it is multi-stage on the official Node 20 slim image', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const from of stages) expect(from).toMatch(/^FROM node:20-slim( AS \w+)?$/);
  });

  it('when read, then the final stage installs production dependencies only and runs as a non-root user', () => {
    expect(finalStage.some((l) => /^RUN npm ci --omit=dev/.test(l))).toBe(true);
    const user = finalStage.filter((l) => l.startsWith('USER '));
    expect(user.at(-1)).toMatch(/^USER (node|\d{3,})$/);
    expect(finalStage.some((l) => l.startsWith('COPY migrations'))).toBe(true);
  });

  it('when read, then it checks /healthz and keeps DATA_DIR on a volume', () => {
    const health = finalStage.find((l) => l.startsWith('HEALTHCHECK'));
    expect(health).toContain('/healthz');
    expect(finalStage.some((l) => /^VOLUME \["\/data"\]$/.test(l))).toBe(true);
    expect(finalStage.some((l) => /DATA_DIR=\/data/.test(l))).toBe(true);
    expect(finalStage.at(-1)).toBe('CMD ["node", "dist/src/main.js"]');
  });

  it('when read, then the build stage runs npm run build, which also makes the embedded database template', () => {
    const buildStage = instructions.slice(0, instructions.indexOf(stages[1] ?? ''));
    expect(buildStage).toContain('COPY migrations ./migrations');
    expect(buildStage).toContain('RUN npm run build');
    expect(finalStage).toContain('COPY --from=build /app/dist ./dist');
  });
});
