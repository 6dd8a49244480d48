import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** How much of a failed command's stderr a message keeps: the end, where the error is. */
const STDERR_TAIL_CHARS = 2000;

export interface CommandOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

/** Runs a command to completion; a non-zero exit throws with the end of its stderr. */
export async function runCommand(command: string, args: string[], options: CommandOptions = {}): Promise<string> {
  try {
    const { stdout } = await execFileAsync(command, args, { ...options, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const { stderr, message } = error as { stderr?: string; message: string };
    throw new Error(stderr ? stderr.trim().slice(-STDERR_TAIL_CHARS) : message);
  }
}

/** Runs a command whose last line of output is one JSON document (anchor.py and our fit children), and parses it. */
export async function runForJson<T>(command: string, args: string[], options: CommandOptions = {}): Promise<T> {
  const stdout = await runCommand(command, args, options);
  const lastLine = stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(lastLine) as T;
  } catch {
    throw new Error(`expected a JSON line from ${command}, got: ${lastLine.slice(0, 200)}`);
  }
}
