"""What the kiosk hands to a patient's own phone: the SMS to the clinic (SMSTO: form) and the clinic's vCard 3.0.

Plain Python (no Qt): the screens pass the message's sentences in the patient's language (their tr() strings) and
the ticked symptoms' labels (from the content file). Everything that goes into a code is cleaned first: content
and config are typed by people, and a control character, a bidi override or a 10,000-character label must neither
break the code nor reach the patient's phone.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

# Phone cameras (iPhone and Android) open SMSTO: codes; one SMS is 160 characters, and some phones refuse more.
SMS_LIMIT = 160
ELLIPSIS = "…"

# Bidi embeddings, overrides and isolates: they can reorder what the patient sees on the phone. Other format
# characters (zero-width joiners inside emoji, for example) are harmless and kept.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")


def clean_text(text: str) -> str:
    """One line of plain text: NFC, no control/bidi/surrogate/private characters, spaces collapsed, trimmed."""
    text = unicodedata.normalize("NFC", text)
    kept = []
    for ch in text:
        category = unicodedata.category(ch)
        if ch in _BIDI_CONTROLS or category in ("Cs", "Co", "Cn"):
            continue
        if category == "Cc" or category in ("Zl", "Zp"):
            kept.append(" ")  # a newline or tab between two words still separates them
            continue
        kept.append(ch)
    return " ".join("".join(kept).split())


def sms_length(text: str) -> int:
    """Length as a phone counts it: UTF-16 code units (an emoji outside the BMP is two)."""
    return len(text.encode("utf-16-le")) // 2


def shorten(text: str, limit: int) -> str:
    """`text` cut to at most `limit` SMS characters, ending in an ellipsis when cut (never mid surrogate pair)."""
    if sms_length(text) <= limit:
        return text
    if limit <= 0:
        return ""
    out = ""
    for ch in text:
        if sms_length(out + ch) > limit - 1:
            break
        out += ch
    return out.rstrip() + ELLIPSIS


@dataclass(frozen=True)
class SmsWords:
    """The message's sentences in one language.

    with_symptoms: contains `{symptoms}` (the ticked symptoms, joined by `separator`);
    without_symptoms: used when nothing was ticked; more: contains `{count}` ("+2 more"), ends a shortened list.
    """

    with_symptoms: str
    without_symptoms: str
    more: str
    separator: str = ", "


def sms_message(words: SmsWords, symptom_labels: Sequence[str], limit: int = SMS_LIMIT) -> str:
    """The SMS text asking for the free phone assessment, listing as many ticked symptoms as fit in `limit`."""
    template = clean_text(words.with_symptoms)
    labels = [label for label in (clean_text(x) for x in symptom_labels) if label]
    if not labels or "{symptoms}" not in template:
        return shorten(clean_text(words.without_symptoms), limit)
    separator = words.separator.replace("\n", " ") or ", "
    total = len(labels)
    for shown in range(total, 0, -1):
        listed = separator.join(labels[:shown])
        if shown < total:
            listed += separator + clean_text(words.more).replace("{count}", str(total - shown))
        text = template.replace("{symptoms}", listed)
        if sms_length(text) <= limit:
            return text
    # Not even the first symptom fits whole (a very long label): shorten it into the room that is left.
    tail = separator + clean_text(words.more).replace("{count}", str(total - 1)) if total > 1 else ""
    room = limit - sms_length(template.replace("{symptoms}", "")) - sms_length(tail)
    if room >= 8:
        return template.replace("{symptoms}", shorten(labels[0], room) + tail)
    return shorten(template.replace("{symptoms}", labels[0] + tail), limit)


_PHONE = re.compile(r"^\+?[0-9][0-9 ()./-]*$")


def phone_digits(number: str) -> str:
    """"+1 (555) 010-0199" -> "+15550100199": what an SMSTO: code and a phone's dialler want. "" if unusable."""
    number = number.strip()  # not cleaned: a control character inside makes it no phone number at all
    if not _PHONE.fullmatch(number):
        return ""
    digits = re.sub(r"\D", "", number)
    if not 3 <= len(digits) <= 15:  # E.164 allows at most 15 digits; 3 covers short codes
        return ""
    return ("+" if number.startswith("+") else "") + digits


def sms_payload(number: str, message: str) -> str:
    """`SMSTO:<number>:<message>`, the form iPhone and Android cameras open in the messaging app.

    The message may hold colons: readers split at the first two. Raises ValueError for an unusable number.
    """
    digits = phone_digits(number)
    if not digits:
        raise ValueError("not a usable SMS number")
    return f"SMSTO:{digits}:{clean_text(message)}"


# ---------------------------------------------------------------- vCard 3.0 (RFC 2426)

def vcard_escape(text: str) -> str:
    """A text value: cleaned to one line, then backslash, comma and semicolon escaped (RFC 2426 section 4)."""
    text = clean_text(text)
    return text.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")


def _fold(line: str) -> list[str]:
    """Lines longer than 75 octets folded (RFC 2426 2.6): CRLF and one space, never inside a UTF-8 character."""
    out: list[str] = []
    current, size, limit = "", 0, 75
    for ch in line:
        width = len(ch.encode("utf-8"))
        if size + width > limit:
            out.append(current)
            current, size, limit = " ", 1, 75
        current += ch
        size += width
    out.append(current)
    return out


def vcard(name: str, phone: str = "", *, sms_number: str = "", address: str = "", website: str = "") -> str:
    """The clinic's contact card, vCard 3.0: name (FN, N, ORG), phone (TEL), SMS number, address (ADR) and website
    (URL) when they are set. Lines end in CRLF, as the format asks."""
    name = vcard_escape(name) or "Clinic"
    # An organisation's card: N is required in 3.0 but empty, so phones show FN/ORG (iPhones need X-ABShowAs).
    lines = ["BEGIN:VCARD", "VERSION:3.0", "N:;;;;", f"FN:{name}", f"ORG:{name}", "X-ABShowAs:COMPANY"]
    tel = phone_digits(phone)
    if tel:
        lines.append(f"TEL;TYPE=WORK,VOICE:{tel}")
    sms = phone_digits(sms_number)
    if sms and sms != tel:
        lines.append(f"TEL;TYPE=CELL,MSG:{sms}")
    if clean_text(address):
        # One line of address as the street part; the phone shows it as written.
        lines.append(f"ADR;TYPE=WORK:;;{vcard_escape(address)};;;;")
    url = clean_text(website)
    if url and re.fullmatch(r"https?://\S+", url):
        lines.append(f"URL:{url}")  # a URI value: written as it is, not text-escaped
    lines.append("END:VCARD")
    return "".join(part + "\r\n" for line in lines for part in _fold(line))
