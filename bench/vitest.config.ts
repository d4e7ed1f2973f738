import { defineProject } from 'vitest/config';

// The quick suite runs real imports, a real server and its subscribers: a minute or two, in one beforeAll.
export default defineProject({ test: { environment: 'node', testTimeout: 30_000, hookTimeout: 300_000 } });
