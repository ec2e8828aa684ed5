import { Command } from 'commander';
import { registerIndicatorCommands } from './indicators.js';
import { registerJobCommands } from './jobs.js';
import { registerPolicyCommands } from './policies.js';
import { registerSupervisionCommands } from './supervision.js';
import { registerSystemCommands } from './system.js';
import { registerUserCommands } from './users.js';
import { registerWorklistCommands } from './worklists.js';

/** The `bizenv` command line: thin commands over the same services as the API. A module adds its register call here. */
const program = new Command('bizenv').description('优化营商环境工作平台 / business-environment work platform');
registerSystemCommands(program);
registerUserCommands(program);
registerIndicatorCommands(program);
registerWorklistCommands(program);
registerSupervisionCommands(program);
registerJobCommands(program);
registerPolicyCommands(program);

await program.parseAsync(process.argv);
