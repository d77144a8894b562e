#!/usr/bin/env node
// The `pulih` command. TypeScript sources run through tsx, so no separate build step is needed.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../server/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
