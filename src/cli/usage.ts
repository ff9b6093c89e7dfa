/** The CLI's help text. */
export const USAGE = `Usage: clerk-conformance <command> [options]

Commands:
  check <path...>         check Clerk Client documents: .json files, directories (recursively), - for stdin

Options of check:
  --profile <name>        default | strict (strict: for Clerk itself or a faithful emulator)   [default]
  --rule <id=severity>    override one rule: error | warning | off (repeatable)
  --fail-on <severity>    error | warning: the lowest severity that fails the run             [error]
  --format <format>       text | json                                                        [text]
  --clock-skew <ms>       tolerance for real clock skew between timestamps                    [1000]
  --max-size <bytes>      largest document accepted                                           [10485760]
  -h, --help              show this help

Exit codes: 0 conformant, 1 violations at the failing severity, 2 usage or input error.
`;
