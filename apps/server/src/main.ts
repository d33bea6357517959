import { createProgram } from './cli.js';

await createProgram().parseAsync();
