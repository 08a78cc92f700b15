"""What a screen reader sees of the running kiosk, through AT-SPI (the Linux accessibility bus Orca uses).

Run by tests/qt/test_atspi.py with the SYSTEM Python (/usr/bin/python3), which has Debian's pyatspi; it imports
nothing from the kiosk. It reads one JSON command per line on stdin and answers each with one JSON line:

    {"cmd": "wait_app", "name": "psoas-kiosk", "seconds": 60}  -> {"ok": true}
    {"cmd": "tree"}                                           -> {"nodes": [{"role", "name", "states", "actions"}]}
    {"cmd": "act", "name": "Next", "action": "Press"}          -> {"ok": true} (the showing control with that name)
"""

from __future__ import annotations

import json
import sys
import time

import pyatspi  # type: ignore[import-not-found]

STATES = {"checked": pyatspi.STATE_CHECKED, "focusable": pyatspi.STATE_FOCUSABLE,
          "focused": pyatspi.STATE_FOCUSED, "checkable": pyatspi.STATE_CHECKABLE}

app = None


def find_app(name: str, seconds: float) -> object | None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            child = desktop.getChildAtIndex(i)
            if child is not None and child.name == name:
                return child
        time.sleep(0.2)
    return None


def actions_of(node: object) -> list[str]:
    try:
        action = node.queryAction()  # type: ignore[attr-defined]
    except NotImplementedError:
        return []
    return [action.getName(i) for i in range(action.nActions)]


def walk(node: object, out: list[dict[str, object]], depth: int = 0) -> None:
    """Every object on show (an off-screen screen in the kiosk's stack is not), in tree order."""
    state = node.getState()  # type: ignore[attr-defined]
    if depth > 0 and not state.contains(pyatspi.STATE_SHOWING):
        return
    out.append({"role": node.getRoleName(), "name": node.name or "",  # type: ignore[attr-defined]
                "states": [k for k, v in STATES.items() if state.contains(v)], "actions": actions_of(node),
                "depth": depth, "node": node})
    for i in range(node.childCount):  # type: ignore[attr-defined]
        child = node.getChildAtIndex(i)  # type: ignore[attr-defined]
        if child is not None:
            walk(child, out, depth + 1)


def tree() -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    if app is not None:
        walk(app, out)
    return out


def act(name: str, action_name: str) -> bool:
    for entry in tree():
        if entry["name"] == name and action_name in entry["actions"]:
            node = entry["node"]
            action = node.queryAction()  # type: ignore[attr-defined]
            return bool(action.doAction(entry["actions"].index(action_name)))  # type: ignore[union-attr]
    return False


def main() -> None:
    global app
    for line in sys.stdin:
        command = json.loads(line)
        try:
            if command["cmd"] == "wait_app":
                app = find_app(command["name"], float(command.get("seconds", 60)))
                answer: dict[str, object] = {"ok": app is not None}
            elif command["cmd"] == "tree":
                answer = {"nodes": [{k: v for k, v in e.items() if k != "node"} for e in tree()]}
            elif command["cmd"] == "act":
                answer = {"ok": act(command["name"], command.get("action", "Press"))}
            else:
                answer = {"error": f"unknown command {command['cmd']!r}"}
        except Exception as exc:  # report, and keep serving: the test decides
            answer = {"error": f"{type(exc).__name__}: {exc}"}
        print(json.dumps(answer), flush=True)


if __name__ == "__main__":
    main()
