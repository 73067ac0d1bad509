/** What a CLI command may touch, so tests can run it in-process or as a subprocess alike. */
export interface CliIo {
  /**
   * The command's output. A command may wrap `stdout` and `stderr` for the rest of its run (the Okta session
   * hides credentials in them); the CLI writes the command's failure through the same, so it is hidden there too.
   */
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export const processIo = (): CliIo => ({
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
});
