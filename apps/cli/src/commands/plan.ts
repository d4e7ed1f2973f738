import type { Command } from 'commander';
import { runCommand } from '../command-scope';
import type { CliEnv } from '../env';
import { addPlanOptions, toPlanInput, type PlanOptions } from '../plan-options';
import { printPlan } from '../print-plan';

export function registerPlan(program: Command, env: CliEnv) {
  addPlanOptions(
    program.command('plan').description('estimate an import and keep it as a planned job'),
  ).action((options: PlanOptions, command: Command) =>
    runCommand(command, env, async (scope) => {
      const input = toPlanInput(options, new Date());
      const plan = await (await scope.signedIn()).importPlan.mutate(input);
      printPlan(plan, scope.print);
      scope.print();
      scope.print(`Start it with: spending start ${plan.jobId} --follow`);
    }),
  );
}
