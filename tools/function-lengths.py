#!/usr/bin/env python3
# Lists the C functions in src/ longer than LIMIT lines (default 120), counted
# from the line with the function's name to its closing brace, and the files
# longer than FILE_LIMIT lines (default 1,200): issue 12's limits.
#   tools/function-lengths.py [LIMIT [FILE_LIMIT]]
import glob
import re
import sys

limit = int(sys.argv[1]) if len(sys.argv) > 1 else 120
file_limit = int(sys.argv[2]) if len(sys.argv) > 2 else 1200
found = 0
for path in sorted(glob.glob('src/**/*.[ch]', recursive=True)):
    lines = open(path, encoding='utf-8').read().split('\n')
    if len(lines) - 1 > file_limit:
        print(f'{len(lines) - 1:5d} lines  {path}')
        found += 1
    name = start = None
    for i, line in enumerate(lines):
        m = re.match(r'^([a-z_][a-z0-9_]*)\s*\(', line)
        if m and start is None:
            name, name_line = m.group(1), i
        if line == '{' and name is not None:
            start = name_line
        if line == '}' and start is not None:
            if i - start + 1 > limit:
                print(f'{i - start + 1:5d} lines  {path}:{start + 1} {name}()')
                found += 1
            name = start = None
sys.exit(1 if found else 0)
