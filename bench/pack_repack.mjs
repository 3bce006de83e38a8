#!/usr/bin/env node
// Re-packing after a publish (issue 9, item 6): packs a generated archive with a state file
// (--state), then re-packs it into the same folder and prints the CPU time of each pack and how
// many files it wrote against kept:
//   - new view counts for 2,000 articles, the articles unchanged (a cron job's usual run: the
//     related lists are read back from the state);
//   - one article added (the newest) and one title edited, given alone with --update (a CMS's
//     publish hook: the rest comes from the state, only the lists they reach are ranked again);
//   - the same archive packed whole into a new folder (every list ranked), to count the related
//     buckets in which the update's lists differ from a full ranking.
// The update runs 5 times (--runs N), each from a copy of the same folder and state: it prints
// each run's CPU time and their median.
//   node bench/pack_repack.mjs [ARTICLES (default 100000)] [--runs N] [--cli PATH]
// Needs encart_gen_bundle and encart (native-release preset).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flagValue = (i) => i > 0 && ['--runs', '--cli'].includes(args[i - 1]);
const size = Number(args.find((a, i) => /^\d+$/.test(a) && !flagValue(i)) || 100000);
const runsAt = args.indexOf('--runs');
const updateRuns = runsAt >= 0 ? Math.max(0, Number(args[runsAt + 1]) - 1) : 4;  // 5 in all
const cliAt = args.indexOf('--cli');
const cli = cliAt >= 0 ? resolve(args[cliAt + 1]) : join(root, 'build', 'native-release', 'tools', 'cli', 'encart');
const generator = join(root, 'build', 'native-release', 'bench', 'encart_gen_bundle');

function pack(bundle, out, extra = []) {
  const run = spawnSync('/usr/bin/time', ['-f', '%U %S %M', cli, 'pack', bundle, '-o', out, ...extra], {
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(run.stderr);
  const lines = run.stderr.trim().split('\n');
  const [user, system, peakKb] = lines.pop().split(' ').map(Number);
  return { cpuSeconds: user + system, peakMb: peakKb / 1024, report: lines.pop() };
}

const dir = mkdtempSync(join(tmpdir(), 'encart-repack-'));
try {
  const bundle = join(dir, 'articles.json');
  writeFileSync(bundle, execFileSync(generator, [String(size)], { maxBuffer: 1 << 30 }));
  const state = ['--state', join(dir, 'state')];
  const first = pack(bundle, join(dir, 'pack'), state);
  const data = JSON.parse(readFileSync(bundle, 'utf8'));
  // Deterministic new counts (no Math.random): the 2,000 newest articles' views, reshuffled.
  const views = {};
  data.articles.slice(0, 2000).forEach((a, i) => {
    views[a.id] = { views: ((i * 7919) % 100000) + 1 };
  });
  writeFileSync(join(dir, 'views.json'), JSON.stringify(views));
  const withViews = [...state, '--views', join(dir, 'views.json')];
  const viewsOnly = pack(bundle, join(dir, 'pack'), withViews);
  const newest = data.articles[0];
  data.articles.unshift({
    ...newest,
    id: `${newest.id}-new`,
    url: `${newest.url}-new`,
    title: 'Sécurité : Abdellatif Hammouchi reçu à Bruxelles par son homologue belge',
    published: '2024-12-10T23:30:00+01:00',
  });
  data.articles[500].title = `${data.articles[500].title} (mis à jour)`;
  const changes = join(dir, 'changes.json');
  writeFileSync(changes, JSON.stringify({ ...data, articles: [data.articles[0], data.articles[500]] }));
  // The update is timed on copies of the folder and the state (one CPU figure is at the mercy
  // of this VM's neighbours), then run once more on the folder itself, for the comparison below.
  const updates = [];
  for (let run = 0; run < updateRuns; ++run) {
    const copy = join(dir, `copy-${run}`);
    cpSync(join(dir, 'pack'), join(copy, 'pack'), { recursive: true });
    for (const file of ['state', 'state.archive']) cpSync(join(dir, file), join(copy, file));
    execFileSync('sync');  // the copies' writeback is not the update's
    updates.push(pack(changes, join(copy, 'pack'), ['--state', join(copy, 'state'), '--views', join(dir, 'views.json'), '--update']));
    rmSync(copy, { recursive: true, force: true });
  }
  execFileSync('sync');
  const update = pack(changes, join(dir, 'pack'), [...withViews, '--update']);
  updates.push(update);
  const cpu = updates.map((u) => u.cpuSeconds).sort((x, y) => x - y);
  writeFileSync(bundle, JSON.stringify(data));
  const whole = pack(bundle, join(dir, 'whole'), ['--views', join(dir, 'views.json')]);
  const listing = (folder) => {
    const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'));
    return new Set(readFileSync(join(folder, manifest.files), 'utf8').trim().split('\n'));
  };
  const updated = listing(join(dir, 'pack'));
  const full = listing(join(dir, 'whole'));
  const differing = {};
  for (const name of updated) {
    if (!full.has(name)) differing[name[0]] = (differing[name[0]] || 0) + 1;
  }
  const buckets = [...full].filter((name) => name.startsWith('r-')).length;
  console.log(`${size.toLocaleString('en')} articles`);
  console.log(`first pack:  ${first.cpuSeconds.toFixed(1)} s CPU, peak ${first.peakMb.toFixed(0)} MB — ${first.report}`);
  console.log(`re-pack (views of 2,000 articles changed): ${viewsOnly.cpuSeconds.toFixed(1)} s CPU, peak ${viewsOnly.peakMb.toFixed(0)} MB — ${viewsOnly.report}`);
  console.log(`update (1 article added, 1 title changed, --update): median ${cpu[(cpu.length - 1) >> 1].toFixed(2)} s CPU of ${cpu.length} runs (${updates.map((u) => u.cpuSeconds.toFixed(2)).join(', ')}), peak ${update.peakMb.toFixed(0)} MB — ${update.report}`);
  console.log(`full pack of the same archive: ${whole.cpuSeconds.toFixed(1)} s CPU, peak ${whole.peakMb.toFixed(0)} MB`);
  console.log(`files of the update not in the full pack, by kind: ${JSON.stringify(differing)} (of ${buckets} related buckets)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
