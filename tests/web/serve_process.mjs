// `jobcenter serve --config FILE` as a child process for the test: started on port 0, its address read from
// the line "listening on ADDR:PORT", stopped with SIGTERM at the end.
import { spawn } from 'node:child_process';
import readline from 'node:readline';

export function startServe(binary, config) {
  const child = spawn(binary, ['serve', '--config', config], { stdio: ['ignore', 'pipe', 'pipe'] });
  let errors = '';
  child.stderr.on('data', (chunk) => (errors += chunk));
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      const address = line.match(/listening on (\S+):(\d+)/);
      if (address) resolve({ child, url: `http://${address[1]}:${address[2]}/` });
    });
    child.on('exit', (code) => reject(new Error(`jobcenter serve exited ${code} before listening:\n${errors}`)));
    child.on('error', reject);
  });
}

export function stopServe(server) {
  if (!server || server.child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    server.child.on('exit', resolve);
    server.child.kill('SIGTERM');
  });
}
