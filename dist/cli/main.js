import { Command } from "commander";
const areas = [
  { commands: ["serve", "migrate", "seed", "backup", "restore"], load: async () => (await import("./system.js")).registerSystemCommands },
  { commands: ["user"], load: async () => (await import("./users.js")).registerUserCommands },
  { commands: ["indicators"], load: async () => (await import("./indicators.js")).registerIndicatorCommands },
  { commands: ["import", "export"], load: async () => (await import("./worklists.js")).registerWorklistCommands },
  { commands: ["bulletin"], load: async () => (await import("./supervision.js")).registerSupervisionCommands },
  { commands: ["jobs", "calendar"], load: async () => (await import("./jobs.js")).registerJobCommands },
  { commands: ["policies"], load: async () => (await import("./policies.js")).registerPolicyCommands }
];
const program = new Command("bizenv").description("\u4F18\u5316\u8425\u5546\u73AF\u5883\u5DE5\u4F5C\u5E73\u53F0 / business-environment work platform");
const first = process.argv[2];
const wanted = areas.filter((a) => a.commands.includes(first ?? ""));
for (const area of wanted.length ? wanted : areas) (await area.load())(program);
await program.parseAsync(process.argv);
//# sourceMappingURL=main.js.map
