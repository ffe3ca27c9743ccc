// `wenze review sample --input acts.jsonl --size N --seed S [--from D] [--to D] [--kinds k,…] [--json]`:
// draws the files of a case-file review (stratified by agency, proportional, reproducible from the
// seed) from an exchange file, no database. `wenze review score --rubric-pack P [FILE|-] [--on D]
// [--json]`: scores a reviewer's marks (JSON) against the pack's rubric. Text by default, JSON with
// --json; bad input → exit 2 naming the line or the field.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { ACT_KIND_LABELS, ACT_KINDS, type ActKind } from '../../core/acts/codes.js';
import { ActLineError, isBlankLine, parseActLine } from '../../core/acts/parse.js';
import { todayInChina } from '../../core/dates.js';
import { REVIEW_SECTION_LABELS } from '../../core/review/rubric.js';
import {
  checkSampleOptions,
  DEFAULT_SAMPLE_KINDS,
  type Sample,
  type SampleCandidate,
  sampleActs,
} from '../../core/review/sample.js';
import { type FileScore, scoreFile } from '../../core/review/score.js';
import { defaultPacks } from '../../core/rulebook/packs/registry.js';
import { ValidationError } from '../../core/validation.js';
import { action, parseJsonText, printJson, readInput } from '../io.js';

interface SampleCliOptions {
  input: string;
  size: string;
  seed: string;
  from?: string;
  to?: string;
  kinds?: string;
  json?: boolean;
}

function parseKinds(value: string | undefined): ActKind[] {
  if (value === undefined) return [...DEFAULT_SAMPLE_KINDS];
  const kinds = value
    .split(/[,，]/)
    .map((k) => k.trim())
    .filter((k) => k !== '');
  const fields = kinds
    .filter((k) => !(ACT_KINDS as readonly string[]).includes(k))
    .map((k) => ({ path: 'kinds', message: `未知的执法行为类别 ${k}，可选：${ACT_KINDS.join('、')}` }));
  if (kinds.length === 0) fields.push({ path: 'kinds', message: '至少选择一类执法行为' });
  if (fields.length > 0) throw new ValidationError('抽样参数无效', fields);
  return kinds as ActKind[];
}

function parseSize(value: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1 || !Number.isSafeInteger(Number(value))) {
    throw new ValidationError('抽样参数无效', [{ path: 'size', message: '抽取数量须为正整数' }]);
  }
  return Number(value);
}

/** The acts of a JSON Lines file, only what sampling reads; a bad line or a repeated id → exit 2 naming the line. */
async function readCandidates(file: string): Promise<SampleCandidate[]> {
  const stream = createReadStream(file, { encoding: 'utf8' });
  const opened = new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        new ValidationError(`无法读取输入文件：${file}`, [{ path: 'input', message: e.code ?? String(e) }]),
      ),
    );
  });
  await opened;
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  const out: SampleCandidate[] = [];
  const lineOf = new Map<string, number>();
  let n = 0;
  for await (const raw of lines) {
    n += 1;
    const text = n === 1 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    if (isBlankLine(text)) continue;
    const act = parseActLine(text, n);
    const earlier = lineOf.get(act.id);
    if (earlier !== undefined) {
      throw new ActLineError(n, 'id', `执法行为编号 ${act.id} 与第 ${earlier} 行重复`);
    }
    lineOf.set(act.id, n);
    out.push({
      id: act.id,
      agency: act.agency,
      kind: act.kind,
      dates: { decided: act.dates.decided ?? null },
    });
  }
  return out;
}

export async function reviewSampleCommand(opts: SampleCliOptions): Promise<Sample> {
  const options = {
    size: parseSize(opts.size),
    seed: opts.seed,
    from: opts.from ?? null,
    to: opts.to ?? null,
    kinds: parseKinds(opts.kinds),
  };
  checkSampleOptions(options); // before reading a possibly large file
  return sampleActs(await readCandidates(opts.input), options);
}

/** The sample as a reader wants it. */
export function formatSample(
  s: Sample,
  opts: { from: string | null; to: string | null; kinds: ActKind[] },
): string {
  const eligible = s.strata.reduce((n, x) => n + x.eligible, 0);
  const period = opts.from || opts.to ? `${opts.from ?? '不限'} 至 ${opts.to ?? '不限'}` : '不限';
  const lines = [
    `案卷抽样：随机种子 ${s.seed}，计划抽取 ${s.size} 件，实际抽取 ${s.acts.length} 件（符合条件 ${eligible} 件）`,
    `范围：${opts.kinds.map((k) => ACT_KIND_LABELS[k]).join('、')}，决定日期 ${period}`,
    '按执法部门分层（按比例、最大余数法，件数允许时每个有案卷的部门至少 1 件）：',
    ...s.strata.flatMap((x, i) => {
      const start = s.strata.slice(0, i).reduce((n, y) => n + y.drawn, 0);
      const ids = s.acts.slice(start, start + x.drawn);
      return [
        `  ${x.agency}：符合条件 ${x.eligible} 件，抽取 ${x.drawn} 件`,
        ...ids.map((id) => `    ${id}`),
      ];
    }),
    '同一随机种子、同一数据总是抽中相同的案卷。',
  ];
  return `${lines.join('\n')}\n`;
}

/** The score sheet as a reader wants it: grade first, then every veto and deduction with its note. */
export function formatScore(s: FileScore, rubricTitle: string): string {
  const lines = [
    `评查结果：${s.total} 分，${s.gradeLabel}${s.act ? `（${s.act}${s.kind ? `，${ACT_KIND_LABELS[s.kind]}` : ''}）` : ''}`,
    ...s.reasons.map((r) => `  ${r}`),
    ...s.sections.map((x) => `${x.label}：${x.score}/${x.max} 分（扣 ${x.deducted} 分）`),
  ];
  if (s.vetoes.length > 0) {
    lines.push('否决项：');
    for (const v of s.vetoes) lines.push(`  ✗ ${v.label} — ${v.note}（${v.cite}）`);
  }
  if (s.deductions.length > 0) {
    lines.push('扣分：');
    for (const d of s.deductions) {
      lines.push(
        `  −${d.points} ${REVIEW_SECTION_LABELS[d.section]}${d.group && d.group !== REVIEW_SECTION_LABELS[d.section] ? `·${d.group}` : ''}：${d.label}` +
          `${d.count > 1 ? ` ×${d.count}` : ''}${d.basic ? '【基本要素】' : ''} — ${d.notes.join('；')}`,
      );
    }
  }
  lines.push(
    s.leads.length === 0
      ? '问题线索：无'
      : `问题线索：${s.leads.map((l) => `${l.fault}（${l.label}）`).join('、')}`,
  );
  lines.push(`依据：${rubricTitle}`);
  return `${lines.join('\n')}\n`;
}

export function register(program: Command): void {
  const review = program.command('review').description('行政执法案卷评查（抽样与评分）');
  review
    .command('sample')
    .description('从执法行为交换文件中按执法部门分层随机抽取评查案卷（不需要数据库）')
    .requiredOption('--input <file>', '执法行为 JSON Lines 文件')
    .requiredOption('--size <n>', '抽取件数')
    .requiredOption('--seed <seed>', '随机种子（任意文字），同一种子抽中相同案卷')
    .option('--from <date>', '决定日期起（含）')
    .option('--to <date>', '决定日期止（含）')
    .option('--kinds <kinds>', `参与抽样的执法行为类别，逗号分隔（默认 ${DEFAULT_SAMPLE_KINDS.join(',')}）`)
    .option('--json', '输出 JSON（默认为便于阅读的文字）')
    .action(
      action(async (opts: SampleCliOptions) => {
        const sample = await reviewSampleCommand(opts);
        if (opts.json) printJson(sample);
        else {
          const shown = { from: opts.from ?? null, to: opts.to ?? null, kinds: parseKinds(opts.kinds) };
          process.stdout.write(formatSample(sample, shown));
        }
      }),
    );
  review
    .command('score')
    .description('按规则包中的案卷评查标准对一份评查记录（JSON）评分（不需要数据库）')
    .argument('[file]', '评查记录 JSON 文件，- 或省略为标准输入')
    .requiredOption('--rubric-pack <pack>', '规则包（其中的案卷评查标准，如 guizhou-a-city）')
    .option('--on <date>', '按该日期施行的评查标准（默认今天）')
    .option('--json', '输出 JSON（默认为便于阅读的文字）')
    .action(
      action((file: string | undefined, opts: { rubricPack: string; on?: string; json?: boolean }) => {
        const on = opts.on ?? todayInChina();
        const pack = defaultPacks.select(opts.rubricPack, on, { pack: 'rubric-pack', on: 'on' });
        const rubric = pack.params.review;
        if (rubric === null) {
          throw new ValidationError(
            `规则包 ${pack.name} 在 ${on} 施行的版本 ${pack.version} 没有案卷评查标准`,
            [{ path: 'rubric-pack', message: '该规则包（该日期施行的版本）没有案卷评查标准（review）' }],
          );
        }
        const marks = parseJsonText(readInput(file), file ?? '-');
        const score = scoreFile(rubric, marks as Parameters<typeof scoreFile>[1]);
        if (opts.json) printJson({ pack: pack.key, rubric: rubric.title, ...score });
        else
          process.stdout.write(
            formatScore(score, `${rubric.title}${rubric.summary ? '（示例文本）' : ''}，规则包 ${pack.key}`),
          );
      }),
    );
}
