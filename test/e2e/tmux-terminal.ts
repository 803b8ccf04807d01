import { execa } from 'execa';

/**
 * A real pseudo-terminal through tmux: a private server (its own -L
 * socket, so nothing the user runs is touched), keys sent as a person
 * types them, and the screen read back. Every wait is bounded.
 */
export class TmuxTerminal {
  private readonly socket = `ntk-e2e-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  private session = 0;

  private tmux(args: string[]) {
    return execa('tmux', ['-L', this.socket, ...args], { env: { ...process.env, TERM: 'xterm-256color' }, reject: true });
  }

  /** Starts a command in a new window of a fixed size; its exit code is printed as NTK-EXIT=<code> when it ends. */
  async run(command: string, cwd: string, size: { columns: number; rows: number } = { columns: 140, rows: 60 }): Promise<string> {
    const name = `t${++this.session}`;
    await this.tmux(['new-session', '-d', '-s', name, '-x', String(size.columns), '-y', String(size.rows), '-c', cwd, `${command}; echo NTK-EXIT=$?; sleep 120`]);
    return name;
  }

  /** What the window shows right now, without the lines scrolled off its top. */
  async visible(name: string): Promise<string> {
    const r = await this.tmux(['capture-pane', '-p', '-t', name]);
    return r.stdout;
  }

  /**
   * Pastes text as a terminal does: bracketed (the markers only reach a program that asked for
   * them), line ends sent as Enter (CR) unless `raw`, which sends the bytes as they are.
   */
  async paste(name: string, text: string, options: { raw?: boolean } = {}): Promise<void> {
    await execa('tmux', ['-L', this.socket, 'load-buffer', '-b', 'ntk-paste', '-'], { input: text, env: { ...process.env, TERM: 'xterm-256color' } });
    await this.tmux(['paste-buffer', '-p', '-d', '-b', 'ntk-paste', ...(options.raw ? ['-r'] : []), '-t', name]);
  }

  async screen(name: string): Promise<string> {
    const r = await this.tmux(['capture-pane', '-p', '-J', '-t', name, '-S', '-3000']);
    return r.stdout;
  }

  /** Waits until the screen shows `text`, polling; fails with the screen when it does not appear in time. */
  async waitFor(name: string, text: string, timeoutMs = 15_000): Promise<string> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const shown = await this.screen(name);
      if (shown.includes(text)) return shown;
      if (Date.now() > until) throw new Error(`the terminal never showed ${JSON.stringify(text)}; it shows:\n${shown.split('\n').filter((l) => l.trim() !== '').slice(-25).join('\n')}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Types text literally, then presses Enter. */
  async line(name: string, text: string): Promise<void> {
    if (text !== '') await this.tmux(['send-keys', '-t', name, '-l', text]);
    await this.tmux(['send-keys', '-t', name, 'Enter']);
  }

  /** Presses named keys (Down, Enter, C-c ...). */
  async keys(name: string, ...keys: string[]): Promise<void> {
    await this.tmux(['send-keys', '-t', name, ...keys]);
  }

  /**
   * A step function for one window: it waits for a prompt, then types lines
   * (strings, each followed by Enter) and presses keys (arrays of key names).
   */
  stepper(name: string): (prompt: string, ...typed: (string | string[])[]) => Promise<void> {
    return async (prompt, ...typed) => {
      await this.waitFor(name, prompt);
      for (const t of typed) await (Array.isArray(t) ? this.keys(name, ...t) : this.line(name, t));
    };
  }

  /** The process the window runs its command in (the shell's child). */
  async commandPid(name: string): Promise<number> {
    const shell = (await this.tmux(['display-message', '-p', '-t', name, '#{pane_pid}'])).stdout.trim();
    const children = await execa('ps', ['-o', 'pid=', '--ppid', shell], { reject: false });
    const pid = Number(children.stdout.trim().split(/\s+/)[0]);
    if (!Number.isInteger(pid) || pid <= 0) throw new Error(`no command is running in ${name}`);
    return pid;
  }

  /** Closes the window as a user closing the terminal would (the command gets SIGHUP). */
  async closeWindow(name: string): Promise<void> {
    await this.tmux(['kill-session', '-t', name]);
  }

  async close(): Promise<void> {
    await execa('tmux', ['-L', this.socket, 'kill-server'], { reject: false });
  }
}
