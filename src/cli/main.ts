import { Command } from 'commander';

type Register = (program: Command) => void;

/**
 * The `bizenv` command line: thin commands over the same services as the API. Each area's commands
 * are loaded only when called (loading every module costs seconds); help loads them all.
 * A module adds its top-level command names and loader here.
 */
const areas: { commands: string[]; load: () => Promise<Register> }[] = [
  { commands: ['serve', 'migrate', 'seed', 'backup', 'restore'], load: async () => (await import('./system.js')).registerSystemCommands },
  { commands: ['user'], load: async () => (await import('./users.js')).registerUserCommands },
  { commands: ['indicators'], load: async () => (await import('./indicators.js')).registerIndicatorCommands },
  { commands: ['import', 'export'], load: async () => (await import('./worklists.js')).registerWorklistCommands },
  { commands: ['bulletin'], load: async () => (await import('./supervision.js')).registerSupervisionCommands },
  { commands: ['jobs', 'calendar'], load: async () => (await import('./jobs.js')).registerJobCommands },
  { commands: ['policies'], load: async () => (await import('./policies.js')).registerPolicyCommands },
];

const program = new Command('bizenv').description('优化营商环境工作平台 / business-environment work platform');
const first = process.argv[2];
const wanted = areas.filter((a) => a.commands.includes(first ?? ''));
for (const area of wanted.length ? wanted : areas) (await area.load())(program);

await program.parseAsync(process.argv);
