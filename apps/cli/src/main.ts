import { readEnv } from './env';
import { createProgram } from './program';

await createProgram(readEnv()).parseAsync();
