"""Checks on the web links the content shows as QR codes (plain Python: `check` runs it without Qt).

A YouTube video id is exactly 11 characters from A-Z a-z 0-9 - _. A word processor turns "--" into an en dash,
which is how a flyer's link loses a character; such a link opens no video, so `check` must say so.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

YOUTUBE_ID = re.compile(r"[A-Za-z0-9_-]{11}")
_YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be", "www.youtu.be",
                  "youtube-nocookie.com", "www.youtube-nocookie.com"}


def youtube_id(url: str) -> str | None:
    """The video id written in a YouTube link ("" if the link has none), or None when it is not a YouTube link."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    if host not in _YOUTUBE_HOSTS:
        return None
    path = parts.path.strip("/")
    if host.endswith("youtu.be"):
        return path.split("/")[0]
    if path == "watch":
        return (parse_qs(parts.query).get("v") or [""])[0]
    for prefix in ("embed/", "shorts/", "live/", "v/"):
        if path.startswith(prefix):
            return path[len(prefix):].split("/")[0]
    return ""


def link_problem(url: str) -> str:
    """What is wrong with a link shown to patients, in words for IT; "" when nothing is."""
    video = youtube_id(url)
    if video is None:
        return ""
    if not YOUTUBE_ID.fullmatch(video):
        shown = video.encode("ascii", "backslashreplace").decode()  # an en dash shows as \u2013
        return (f"the YouTube video id '{shown}' should be exactly 11 characters from A-Z a-z 0-9 - _ "
                f"(it has {len(video)}); a word processor may have turned '--' into a dash")
    return ""
