"""Black-box oracle for the differential test of mentor-core's registration numbers.

Reads JSON lines on stdin, one request per line: ["fr.siret", "732 829 320 00074"].
Writes one JSON line per request, in the same order:
  {"v": true, "c": "73282932000074"}   valid; "c" is what validate() returns (the compact form)
  {"v": false}                         stdnum raised a ValidationError
  {"v": false, "e": "ValueError"}      stdnum raised something else (counted apart)

python-stdnum is only called through its public API (validate); its source is never read or
copied (it is LGPL). The first line of output is a header with the stdnum version.
"""

import importlib
import json
import sys

import stdnum
from stdnum.exceptions import ValidationError


def main():
    modules = {}
    out = sys.stdout
    out.write(json.dumps({"stdnum": stdnum.__version__}) + "\n")
    for line in sys.stdin:
        line = line.rstrip("\n")
        if not line:
            continue
        name, number = json.loads(line)
        module = modules.get(name)
        if module is None:
            module = modules[name] = importlib.import_module("stdnum." + name)
        try:
            compact = module.validate(number)
            answer = {"v": True, "c": compact}
        except ValidationError:
            answer = {"v": False}
        except Exception as error:  # noqa: BLE001 - any other failure is reported, not fatal
            answer = {"v": False, "e": type(error).__name__}
        out.write(json.dumps(answer) + "\n")
    out.flush()


if __name__ == "__main__":
    main()
