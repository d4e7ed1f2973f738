import type { Command } from 'commander';
import { runCommand } from '../command-scope';
import type { CliEnv } from '../env';
import { followJob } from '../follow/follow-job';
import { addPlanOptions, toPlanInput, type PlanOptions } from '../plan-options';
import { printPlan } from '../print-plan';

export function registerImport(program: Command, env: CliEnv) {
  addPlanOptions(
    program.command('import').description('plan an import, start it and follow it to the end'),
  ).action((options: PlanOptions, command: Command) =>
    runCommand(command, env, async (scope) => {
      const input = toPlanInput(options, new Date());
      const api = await scope.signedIn();
      const plan = await api.importPlan.mutate(input);
      printPlan(plan, scope.print);
      scope.print();
      await api.importStart.mutate({ jobId: plan.jobId });
      scope.print(`Import ${plan.jobId} queued.`);
      return followJob(api, plan.jobId, scope);
    }),
  );
}
