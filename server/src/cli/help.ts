// Help texts: the whole usage and one page per command.
import { KNOWN_TARGETS, DEFAULT_TARGET } from '../engine';
import { FORMATS } from './reporters';
import { VERSION } from './version';

export const MAIN_HELP = `lockstep ${VERSION} — zero-downtime checks for MySQL/MariaDB migrations

Usage:
  lockstep lint [paths…] [options]      lint migration files (default path: .)
  lockstep explain "<sql>" [options]     show the predicted algorithm, lock and findings per statement
  lockstep schema [paths…] [options]     print the schema Lockstep replays from the migrations
  lockstep dry-run --url <url> <file>    run a migration's DDL on scratch copies in a dev database
  lockstep plan <file> [options]         rewrite an unsafe change (of a migration or an ORM model)
                                         as a safe multi-release sequence
  lockstep lsp --stdio                   start the language server
  lockstep help <command>                help for one command
  lockstep --version

Exit codes: 0 nothing at or above the failure level, 1 findings, 2 usage or internal error.
Docs: README.md, docs/rules/<rule>.md
`;

export const LINT_HELP = `Usage: lockstep lint [paths…] [options]

Lints *.sql migrations. Directories are searched recursively (node_modules and .git skipped);
the config's "migrations" globs and "exclude" globs apply. Each file is checked against the
schema that the earlier migrations of its directory build, in the framework's order.

Options:
  --format <f>        ${FORMATS.join(' | ')} (default: text)
  --target <t>        flavor and version, e.g. ${KNOWN_TARGETS.join(', ')} (default: config, else ${DEFAULT_TARGET})
  --config <file>     config file (default: lockstep.config.json or .lockstep.json, searched
                      upwards from the first path)
  --baseline <file>   hide findings recorded in this baseline file
  --write-baseline    record all current findings in the baseline file, then exit 0
  --fail-on <level>   error | warning | info | hint | never: the least severe finding that makes
                      the exit code 1 (default: the config's failOn, else error)
  --docs-base <url>   base URL of your copy of the rule docs (<url>/<rule>.md): SARIF then links
                      each rule to it (default: the config's docsBase, else no link)
  --release-base <rev> git revision of the last release: migration files not in it form the
                      release being prepared, so a table one of them creates is new for the others
                      (default: the config's releaseBase)
  --git-base <rev>    also check the ORM model files under the paths (schema.prisma) against
                      their text at this git revision (e.g. HEAD, origin/main, or
                      merge-base:origin/main): findings sit on the model's lines (default: the
                      config's orm.base when orm.models names model files)
  --url <url>         a development database, mysql://user@host[:port]/database, read as a
                      "current" schema source: tables the migrations do not create come from its
                      SHOW CREATE TABLE, and its row counts win over the config's "tables" for
                      large-table-rewrite (default: LOCKSTEP_DATABASE_URL, else the config's
                      devDatabase; password: LOCKSTEP_DATABASE_PASSWORD). Read-only.
  --yes-remote-host   allow --url to a host outside localhost, 127.0.0.1, ::1, *.local, *.test
  --no-color          no colours in text output (also: NO_COLOR=1)
  -h, --help          this help
`;

export const EXPLAIN_HELP = `Usage: lockstep explain "<sql>" [options]
       lockstep explain - [options]          (SQL from stdin)

Prints, per statement, the predicted online-DDL algorithm, lock level, whether the table is
rebuilt and why, and the findings.

Options:
  --schema <files…>   migrations or schema files to replay first (repeatable; directories allowed)
  --target <t>        e.g. ${KNOWN_TARGETS.join(', ')} (default: config, else ${DEFAULT_TARGET})
  --config <file>     config file
  --format <f>        text | json (default: text)
  --no-color          no colours
  -h, --help          this help
`;

export const LSP_HELP = `Usage: lockstep lsp --stdio

Starts the Lockstep language server on stdin/stdout (for Neovim, Helix and other LSP editors).
`;

export const SCHEMA_HELP = `Usage: lockstep schema [paths…] [options]
       lockstep schema --at <migration> [options]

Prints what Lockstep believes the database looks like: each migration chain under the paths
(default .) replayed in its framework's order, with the config's schema sources (baseline,
current), as CREATE TABLE statements — or, with --at, the schema just before that migration.
Use it to check your config: this is the schema every file is linted against.

Options:
  --at <file>         the schema before this migration runs
  --format <f>        sql | json (default: sql)
  --target <t>        e.g. ${KNOWN_TARGETS.join(', ')} (default: config, else ${DEFAULT_TARGET})
  --config <file>     config file (default: searched upwards from the first path)
  -h, --help          this help
`;

export const PLAN_HELP = `Usage: lockstep plan <file> [options]
       lockstep plan <model file> [--line <n>] [--git-base <rev>] [options]

Rewrites the unsafe change of one statement of a migration (rename-column, drop-column, …) as
releases of new migration files in the project's convention (the config's "convention", else
detected), each with a header saying what the application must do before the next release ships
and the queries that verify it. The earlier migrations give the schema, found from the file's location as for lint.

An ORM model file (schema.prisma, a TypeORM entity, a GORM model) is compared with its text at
the git base, as lint --git-base does, and the finding on --line is planned: each release also
says what to change in the model. A Prisma schema with a migrations/ folder gets its files as new
migrations/<timestamp>_<name>/migration.sql folders (--out . writes them; the schema itself is
never changed). TypeORM and GORM plans, and Prisma without migrations/, are printed only.

Options:
  --statement <n>       the statement to plan (zero-based index; default: the first with a finding a
                        plan exists for)
  --line <n>            model files: the finding on this line (1-based, as lint prints it; default:
                        the first finding a plan exists for)
  --git-base <rev>      model files: the revision to compare with (HEAD, origin/main or
                        merge-base:origin/main; default: the config's orm.base, else HEAD)
  --rule <id>           the finding to plan when the statement has several (e.g. large-table-rewrite
                        rather than change-column-type)
  --format <f>          text | json (default: text, Markdown; json: { convention, releases: [ { title,
                        appSteps, verify, files: [ { path, direction, content } ] } ] }, paths relative
                        to the workspace root)
  --out <dir>           write the files under <dir> (use . for the workspace root); refuses to
                        overwrite existing files, and refuses a model plan that is printed only
  --triggers            keep the columns in step with triggers while the previous app version runs
  --move-table <t> --to <schema>
                        plan moving table <t> (as the migrations of <file>'s chain leave it) to
                        another schema of the same server by dual-writing
  --batch-size <n>      rows per backfill batch (default 1000)
  --config <file>       config file
  -h, --help            this help

Exit codes: 0 the plan was printed or written, 2 usage error or no plan for the statement or line.
`;

export const DRY_RUN_HELP = `Usage: lockstep dry-run --url mysql://user@host[:port]/database <file> [options]

Runs the migration's statements on scratch copies of the tables it touches (a scratch schema
lockstep_dryrun_… with CREATE TABLE copies and up to 1000 sampled rows each, always dropped
afterwards) in a development database, and reports per DDL statement the algorithm, lock and
rebuild the server really chose next to Lockstep's prediction, the real table's size, the sessions
that would block its metadata lock (with the KILL to run, never executed) and, with --mdl-preview,
the queue an open transaction causes. Your tables are only read.

Without the CREATE privilege it runs read-only: table facts and blockers only.
Only hosts in the allow-list (localhost, 127.0.0.1, ::1, *.local, *.test) are used unless you
pass --yes-remote-host.

Options:
  --url <url>           the database (default: LOCKSTEP_DATABASE_URL); the password comes from
                        LOCKSTEP_DATABASE_PASSWORD or the URL and is never printed
  --statement <n>       only this statement (its zero-based index in the file); the statements
                        before it still run on the scratch copies
  --format <f>          text | json (default: text; json is the DryRunReport)
  --mdl-preview         also show the metadata-lock queue an open transaction causes (a few seconds
                        per statement, on the scratch copy)
  --sample-rows <n>     rows copied per table (default 1000; 0 for none)
  --yes-remote-host     connect to a host outside the allow-list
  --config <file>       config file (the file's up sections are dry-run, as lint reads them)
  -h, --help            this help

Exit codes: 0 the dry-run ran (statement errors are in the report), 2 usage or connection error.
`;
