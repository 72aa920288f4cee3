/** `npm run import:blogger -- EXPORT.xml [--out DIR] [--force]`: Blogger's backup to Quire posts. */
import { runCli } from '../src/import/blogger/cli.ts';

process.exitCode = runCli(process.argv.slice(2), { out: (line) => console.log(line), err: (line) => console.error(line) });
