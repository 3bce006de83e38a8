#!/usr/bin/env python3
"""Checks the shape of src/: modules (its folders) include one another one way only, and no file
is longer than 400 lines. Prints the module graph; exits 1 on a cycle or a long file.

Function length (at most 60 lines) is clang-tidy's readability-function-size, in .clang-tidy.
Run by tools/lint; alone: tools/check_layers.py [SRC_DIR]."""
import pathlib
import re
import sys

MAX_FILE_LINES = 400
# Files allowed past the limit for now, each with why. Remove an entry when its file is split.
LONG_FOR_NOW = {}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([a-z_]+)/', re.MULTILINE)


def module_graph(src):
    graph = {}
    for path in sorted(src.glob('*/*')):
        if path.suffix not in ('.h', '.cpp'):
            continue
        module = path.parent.name
        edges = graph.setdefault(module, {})
        for target in INCLUDE.findall(path.read_text(encoding='utf-8')):
            if target != module:
                edges.setdefault(target, []).append(str(path.relative_to(src)))
    return graph


def cycles(graph):
    """Strongly connected components of more than one module (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, {}):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def main():
    src = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).parent.parent / 'src')
    graph = module_graph(src)
    status = 0
    for module in sorted(graph):
        print(f'{module:8} -> {" ".join(sorted(graph[module])) or "(nothing)"}')
    for component in cycles(graph):
        status = 1
        print(f'[encart] layers: include cycle between {", ".join(component)}:')
        for a in component:
            for b in component:
                for where in graph[a].get(b, []):
                    print(f'  {a} -> {b} ({where})')
    for path in sorted(src.rglob('*')):
        if path.suffix in ('.h', '.cpp'):
            lines = path.read_text(encoding='utf-8').count('\n')
            name = str(path.relative_to(src.parent))
            if lines > MAX_FILE_LINES and name in LONG_FOR_NOW:
                print(f'note: {name} has {lines} lines, allowed for now: {LONG_FOR_NOW[name]}')
            elif lines > MAX_FILE_LINES:
                status = 1
                print(f'[encart] layers: {name} has {lines} lines (at most {MAX_FILE_LINES})')
    if status == 0:
        print(f'[encart] layers: no include cycle between modules, no file over {MAX_FILE_LINES} lines'
              + (' but those noted' if any((src.parent / n).exists() for n in LONG_FOR_NOW) else ''))
    return status


if __name__ == '__main__':
    sys.exit(main())
