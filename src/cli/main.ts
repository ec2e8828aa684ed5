import { Command } from 'commander';
import { moduleCliAreas } from '../modules/index.js';

type Register = (program: Command) => void;

/**
 * The `bizenv` command line: thin commands over the same services as the API. Each area's commands
 * are loaded only when called (loading every module costs seconds); help loads them all. The
 * system commands are the platform's; every module declares its own in its manifest.
 */
const areas: { commands: string[]; load: () => Promise<Register> }[] = [
  { commands: ['serve', 'migrate', 'seed', 'backup', 'restore'], load: async () => (await import('./system.js')).registerSystemCommands },
  ...moduleCliAreas,
];

const program = new Command('bizenv').description('优化营商环境工作平台 / business-environment work platform');
const first = process.argv[2];
const wanted = areas.filter((a) => a.commands.includes(first ?? ''));
for (const area of wanted.length ? wanted : areas) (await area.load())(program);

await program.parseAsync(process.argv);
