// `wenze relief draw FILE [--json]`: re-runs a relief panel's draw (救济委员会随机抽取) from the
// pool, rules and seed an appeal records (GET /api/v1/appeals/:id → panel), and the conflicts
// declared, so that anyone can check the members the system seated. No database.
import type { Command } from 'commander';
import { z } from 'zod';
import { drawPanel, MEMBER_KINDS } from '../../core/relief/panel.js';
import { ValidationError } from '../../core/validation.js';
import { action, parseJsonText, printJson, readInput } from '../io.js';

const drawInput = z.object({
  seed: z.string().min(1),
  pool: z.array(
    z.object({
      id: z.string().min(1),
      kind: z.enum(MEMBER_KINDS),
      agencyId: z.string().nullable(),
      officeRegion: z.string().nullable(),
      enforcementOfficer: z.boolean(),
    }),
  ),
  rules: z.object({
    size: z.number().int(),
    appellantAgencyId: z.string().nullable(),
    decidingOfficeRegion: z.string(),
  }),
  conflicts: z.array(z.object({ memberId: z.string() })).default([]),
});

export function register(program: Command): void {
  const relief = program.command('relief').description('救济委员会（申诉）');
  relief
    .command('draw')
    .description('按申诉记录的委员库、规则、随机种子与回避声明，重新抽取委员会，核对系统的抽取结果')
    .argument('[file]', '申诉详情中的 panel 对象（JSON：seed、pool、rules、conflicts），- 或省略为标准输入')
    .option('--json', '输出 JSON')
    .action(
      action((file: string | undefined, opts: { json?: boolean }) => {
        const parsed = drawInput.safeParse(parseJsonText(readInput(file), file ?? '-'));
        if (!parsed.success)
          throw new ValidationError(
            '抽取记录格式不正确',
            parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
          );
        const { seed, pool, rules, conflicts } = parsed.data;
        const { panel, problems } = drawPanel(
          pool,
          rules,
          seed,
          conflicts.map((c) => c.memberId),
        );
        if (!panel) throw new ValidationError(problems[0]!.message, problems);
        if (opts.json) printJson(panel);
        else
          process.stdout.write(
            `随机种子：${seed}\n抽取顺序：${panel.order.join('、')}\n委员：${panel.members.join('、')}\n主任委员：${panel.chair}\n`,
          );
      }),
    );
}
