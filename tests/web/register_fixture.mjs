// The review page test's data: a database made by `jobcenter demo` plus a unit's small register with
// duplicates (imported and deduplicated, so the queue holds a pair of the unit's own), bearer tokens made with
// `jobcenter token add`, the serve config, and the CLI (`--format json`) to check the database afterwards.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const paths = {
  binary: process.env.JOBCENTER_BINARY,
  buildDir: process.env.JOBCENTER_BUILD_DIR,
  webDir: process.env.JOBCENTER_WEB_DIR,
  work: process.env.JOBCENTER_WEB_TEST_DIR,
};

// Pakila's list: two pairs near enough to be one firm, which dedupe leaves to a person; two unrelated firms
// to merge by hand; and a shop joined to a third record only through a shared phone and mailbox (a weak bridge).
const pakilaRegister = [
  'id;Yritys;Katuosoite;Postinumero;Postitoimipaikka;Puhelin;Sähköposti',
  'P-101;Tapanilan Leipä Ky;Tapanilantie 5;00730;Helsinki;040 700 1000;',
  'P-102;Tapanilan Leipomo;;00730;Helsinki;;',
  'P-103;Malmin Maalaus Ky;Kirkonkyläntie 2;00700;Helsinki;040 700 2000;',
  'P-104;Malmin Maalausliike;;00700;Helsinki;;',
  'P-105;Siivous Salo Oy;Kirkkotie 3;00740;Helsinki;040 123 0001;toimisto@siivoussalo.fi',
  'P-106;Pihatyöt Nieminen;Latokartanontie 9;00750;Helsinki;050 987 6543;',
  'P-107;Herttoniemen Hattu;Hiihtäjäntie 4;00810;Helsinki;;',
  'P-108;Herttoniemen Hattu Ky;Hiihtäjäntie 4;00810;Helsinki;040 222 3333;myynti@herttoniemenhattu.fi',
  'P-109;Herttoniemen Hattuliike Salminen;;;;040 222 3333;myynti@herttoniemenhattu.fi',
].join('\n');

function run(args, { allowFailure = false } = {}) {
  const result = spawnSync(paths.binary, args, { encoding: 'utf8' });
  if (result.status !== 0 && !allowFailure)
    throw new Error(`jobcenter ${args.join(' ')} exited ${result.status}:\n${result.stderr}${result.stdout}`);
  return result;
}

// `jobcenter --db DB --format json ARGS...`, parsed.
export function jc(...args) {
  const result = run(['--db', path.join(paths.work, 'register.db'), '--format', 'json', ...args]);
  return JSON.parse(result.stdout);
}

// The audit rows of the HTTP requests a token made, newest first: {subject: command, outcome, detail}.
export function requestsAudited(token) {
  return jc('--role', 'admin', 'audit', 'list', '--actor', token, '--action', 'request', '--limit', '1000').rows;
}

// The orderer whose name is exactly `name`.
export function ordererNamed(name) {
  const found = jc('register', 'list', '--name', name).rows.filter((row) => row.name === name);
  if (found.length !== 1) throw new Error(`expected one orderer named ${name}, found ${found.length}`);
  return found[0].id;
}

// `jobcenter token add` prints the new token's secret once, on its line "secret: ...".
function addToken(database, tokens, name, unit, role) {
  const printed = run(['--db', database, 'token', 'add', name, '--unit', unit, '--role', role, '--tokens', tokens]).stdout;
  const secret = printed.match(/^secret: (jc_\S+)$/m);
  if (!secret) throw new Error(`jobcenter token add printed no secret:\n${printed}`);
  return secret[1];
}

// Builds everything in a fresh work folder; returns the config file and the tokens' secrets.
export function buildFixture() {
  fs.rmSync(paths.work, { recursive: true, force: true });
  fs.mkdirSync(path.join(paths.work, 'screenshots'), { recursive: true });
  const database = path.join(paths.work, 'register.db');
  run(['--db', database, 'demo']);
  const csv = path.join(paths.work, 'pakila.csv');
  fs.writeFileSync(csv, `${pakilaRegister}\n`);
  jc('--unit', 'pakila', 'register', 'import', csv);
  jc('--role', 'coordinator', 'register', 'dedupe');

  const tokens = path.join(paths.work, 'tokens');
  const secrets = {
    pakila: addToken(database, tokens, 'web-pakila', 'pakila', 'staff'),
    uusix: addToken(database, tokens, 'web-uusix', 'uusix', 'staff'),
  };
  const config = path.join(paths.work, 'serve.conf');
  fs.writeFileSync(config, [
    '# written by tests/web/register_fixture.mjs',
    'listen = 127.0.0.1:0',
    `database = ${database}`,
    `plugins = ${path.join(paths.buildDir, 'plugins')}`,
    `schema = ${path.join(paths.buildDir, 'schema')}`,
    `scripts = ${path.join(paths.buildDir, 'scripts')}`,
    `tokens = ${tokens}`,
    `web = ${paths.webDir}`,
    'threads = 2',
    '',
  ].join('\n'));
  return { config, secrets, screenshots: path.join(paths.work, 'screenshots') };
}
