"""Command line: `python -m core advise CASE.json [--today YYYY-MM-DD]` and `python -m core schema`.

Bad input exits with status 2 and one line per problem on standard error, naming the field.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

from core import CaseError, advise, case_schema
from core.i18n import _


def parse_day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("not a date in the form YYYY-MM-DD: {text!r}").format(text=text)) from None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m core", description=_("AliExpress dispute advisor"))
    commands = parser.add_subparsers(dest="command", required=True)
    advise_cmd = commands.add_parser("advise", help=_("print the plan for a case as JSON"))
    advise_cmd.add_argument("case", help=_("a case as a JSON file, or - for standard input"))
    advise_cmd.add_argument("--today", type=parse_day, help=_("the day to advise for (YYYY-MM-DD)"))
    commands.add_parser("schema", help=_("print the JSON Schema of a case"))
    args = parser.parse_args(argv)

    if args.command == "schema":
        print(json.dumps(case_schema(), indent=2))
        return 0
    try:
        if args.case == "-":
            text = sys.stdin.buffer.read()
        else:
            with open(args.case, "rb") as handle:
                text = handle.read()
    except OSError as error:
        print(_("case: cannot read {name}: {reason}").format(name=args.case, reason=error.strerror), file=sys.stderr)
        return 2
    try:
        plan = advise(text, today=args.today)
    except CaseError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return 2
    print(plan.model_dump_json(indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
