"""The phone-assessment request form: cleaning and validating what a patient typed.

Qt-free. Validation returns *codes* (FieldError.code); the UI maps them to translated, plain-language
messages. Nothing here logs or raises with the patient's text in it.

Text cleaning policy (clean_text):
* Unicode NFC, so "é" typed as e + combining accent and "é" precomposed are stored identically.
* Control characters (Unicode category Cc: C0, DEL, C1 -- including NUL) are never stored. Whitespace
  controls (tab, CR, LF, VT, FF, NEL, ...) become a space, every other control is *removed silently*.
  Why silently: a touch keyboard cannot type them, so when they appear they are paste/scanner debris,
  not something the patient can fix; refusing the whole form over an invisible character would be unkind.
  Notes (multiline=True) keep line breaks (CR LF / CR / U+2028 / U+2029 become "\\n").
* Lone surrogates and Unicode non-characters (U+FFFE, U+FDD0...) are removed: they cannot be stored as
  UTF-8 or written to an XLSX file, and never carry meaning.
* Format characters (category Cf) are kept: zero-width joiners build emoji like "👩‍⚕️" and
  direction marks are legitimate in mixed right-to-left text.
* Names: whitespace runs collapse to one space. Notes: spaces/tabs inside a line collapse, trailing
  spaces on a line go, and at most one empty line is kept between paragraphs.
* Leading/trailing whitespace is stripped.
"""

from __future__ import annotations

import functools
import itertools
import operator
import re
import unicodedata
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from typing import Any

import phonenumbers

from kiosk.core.domain import BEST_TIMES

NAME_MAX = 80
NOTE_MAX = 500
# Raw input longer than this is refused before any parsing work (a paste of a whole document must not make
# the kiosk slow). Generous on purpose: real numbers with spaces and dashes are ~20 characters.
PHONE_RAW_MAX = 40
SYMPTOMS_MAX = 50
# Symptom ids come from the content files, never from typing; anything else is a programming error upstream.
SYMPTOM_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,63}$")

FIELDS = ("name", "phone", "best_time", "symptoms", "note", "consent")


@dataclass(frozen=True)
class NewRequest:
    """A validated request, ready for RequestStore.add()."""

    name: str
    phone: str  # E.164, e.g. "+447700900123"
    best_time: str  # one of kiosk.core.domain.BEST_TIMES
    symptoms: tuple[str, ...]  # symptom ids from the content files
    note: str
    consent_version: str
    language: str


@dataclass(frozen=True)
class FieldError:
    """One problem with one field. `field` is one of FIELDS, `code` a stable machine-readable code:

    required, too_long, invalid_chars (name without any letter), invalid_phone, not_possible,
    unknown_choice.
    """

    field: str
    code: str


_LINE_BREAKS = re.compile(r"\r\n|[\r\n\u2028\u2029\x85]")
_SPACES = re.compile(r"\s+")
_INLINE_SPACES = re.compile(r"[^\S\n]+")  # whitespace except newline
_MANY_BLANK_LINES = re.compile(r"\n{3,}")


def _is_noncharacter(cp: int) -> bool:
    return 0xFDD0 <= cp <= 0xFDEF or (cp & 0xFFFE) == 0xFFFE


def _drop_unstorable(s: str, *, keep_newlines: bool) -> str:
    out: list[str] = []
    for ch in s:
        if ch == "\n" and keep_newlines:
            out.append(ch)
            continue
        cat = unicodedata.category(ch)
        if cat == "Cc":
            # Whitespace controls separate words, so they become a space rather than gluing words together.
            if ch.isspace():
                out.append(" ")
            continue
        if cat == "Cs" or _is_noncharacter(ord(ch)):
            continue
        out.append(ch)
    return "".join(out)


def clean_text(s: str, *, multiline: bool = False) -> str:
    """Normalise free text for storage (see the module docstring for the exact policy).

    `multiline=False` (names): one line, whitespace runs collapsed. `multiline=True` (notes): line breaks
    kept as "\\n". Idempotent: clean_text(clean_text(x)) == clean_text(x).
    """
    if multiline:
        s = _LINE_BREAKS.sub("\n", s)
    s = _drop_unstorable(s, keep_newlines=multiline)
    # NFC after removal: removing a control between a letter and a combining mark can create a new pair.
    s = unicodedata.normalize("NFC", s)
    if not multiline:
        return _SPACES.sub(" ", s).strip()
    lines = [_INLINE_SPACES.sub(" ", line).strip() for line in s.split("\n")]
    return _MANY_BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def _parse(raw: str, region: str) -> tuple[phonenumbers.PhoneNumber | None, str | None]:
    """(number, None) for a valid number, else (None, error code). Never raises."""
    raw = clean_text(raw)
    if not raw:
        return None, "required"
    if len(raw) > PHONE_RAW_MAX:
        return None, "too_long"
    try:
        number = phonenumbers.parse(raw, (region or "").upper() or None)
    except phonenumbers.NumberParseException as exc:
        if exc.error_type in (
            phonenumbers.NumberParseException.TOO_SHORT_NSN,
            phonenumbers.NumberParseException.TOO_SHORT_AFTER_IDD,
        ):
            return None, "not_possible"
        if exc.error_type == phonenumbers.NumberParseException.TOO_LONG:
            return None, "too_long"
        return None, "invalid_phone"
    # The cheap length check first tells the patient "too few/many digits" apart from "these digits are not a
    # real number" (is_valid_number checks the numbering plan). A local-only number (no area code) cannot
    # be dialled from elsewhere, so it counts as too short.
    reason = phonenumbers.is_possible_number_with_reason(number)
    if reason == phonenumbers.ValidationResult.INVALID_COUNTRY_CODE:
        return None, "invalid_phone"
    if reason != phonenumbers.ValidationResult.IS_POSSIBLE:
        return None, "not_possible"
    if not phonenumbers.is_valid_number(number):
        return None, "invalid_phone"
    return number, None


def phone_problem(raw: str, region: str) -> str | None:
    """The FieldError code for a phone number, or None when it is valid."""
    return _parse(raw, region)[1]


def parse_phone(raw: str, region: str) -> str | None:
    """The number in E.164 ("+447700900123"), or None if it is not a valid number.

    `region` (ISO 3166 alpha-2, e.g. "GB") is used for numbers typed without a country code.
    """
    number, _ = _parse(raw, region)
    if number is None:
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def format_phone_for_display(e164_or_raw: str, region: str) -> str:
    """National format when the number shares `region`'s calling code ("07911 123456"), else international.

    Falls back to the cleaned input when it cannot be parsed, so it is safe on any string.
    """
    text = clean_text(e164_or_raw)
    if not text or len(text) > PHONE_RAW_MAX:
        return text
    try:
        number = phonenumbers.parse(text, (region or "").upper() or None)
    except phonenumbers.NumberParseException:
        return text
    # Compare calling codes, not regions: +44 7911 is "GG" in the metadata yet dialled nationally from GB,
    # and the same holds for the whole +1 plan.
    domestic = number.country_code == phonenumbers.country_code_for_region((region or "").upper())
    fmt = phonenumbers.PhoneNumberFormat.NATIONAL if domestic else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    return phonenumbers.format_number(number, fmt)


@functools.cache
def _deciding_digits(country_code: int) -> int:
    """How many leading national digits can decide a number's format in this country: the widest leading-digits
    pattern of its formats in phonenumbers' metadata, at most DECIDING_DIGITS_MAX (a few countries have rare
    7-digit patterns; past 5 digits a miss would only group the digits differently, never change them)."""
    region = phonenumbers.region_code_for_country_code(country_code)
    metadata = phonenumbers.PhoneMetadata.metadata_for_region_or_calling_code(country_code, region)
    if metadata is None:
        return DECIDING_DIGITS_MAX
    widest = 0
    for number_format in (*metadata.number_format, *(metadata.intl_number_format or ())):
        for pattern in number_format.leading_digits_pattern:
            widest = max(widest, min(_regex_width(pattern), DECIDING_DIGITS_MAX))
    return widest


def _regex_width(pattern: str) -> int:
    # The regex module's own parser (Python 3.11+) gives a pattern's longest match, which is all we need here.
    from re import _parser as regex_parser  # type: ignore[attr-defined]

    return int(regex_parser.parse(pattern).getwidth()[1])


DECIDING_DIGITS_MAX = 5


@functools.cache
def _decided(country_code: int, length: int, prefix: str) -> bool:
    """True when every national number of this country and `length` starting with `prefix` is formatted alike by
    phonenumbers: parsing E.164 strips no national prefix from it (national_prefix_for_parsing cannot match), and
    in both format lists (national, international) the leading-digits patterns up to the chosen format are
    matched or missed by `prefix` alone (their patterns, all \\d-only, then depend on the length alone). False
    when unsure (a pattern this cannot read, a leading 0: Italian leading zeros are counted further on)."""
    region = phonenumbers.region_code_for_country_code(country_code)
    metadata = phonenumbers.PhoneMetadata.metadata_for_region_or_calling_code(country_code, region)
    if metadata is None or prefix[:1] == "0":
        return False
    if metadata.national_prefix_for_parsing and _prefix_matches(metadata.national_prefix_for_parsing, prefix) \
            is not False:
        return False
    for formats in (metadata.number_format, metadata.intl_number_format or ()):
        for number_format in formats:
            if number_format.pattern is None or not _DIGITS_ONLY.fullmatch(number_format.pattern):
                return False
            if number_format.leading_digits_pattern:
                matches = _prefix_matches(number_format.leading_digits_pattern[-1], prefix)
                if matches is None:
                    return False
                if not matches:
                    continue
            if re.fullmatch(number_format.pattern, "0" * length):
                break  # the format of every such number (as _choose_formatting_pattern_for_number picks it)
    return True


_DIGITS_ONLY = re.compile(r"(?:\\d|\{\d+(?:,\d+)?\}|[()])*")  # like (\d{3})(\d{4}): the length decides a match


def _prefix_matches(pattern: str, prefix: str) -> bool | None:
    """Whether re.match(pattern, number) holds for every number starting with `prefix` (True), for none (False),
    or depends on later digits or cannot be told (None)."""
    sequences = _digit_sequences(pattern)
    if sequences is None:
        return None
    undecided = False
    for sequence in sequences:
        if all(ch in allowed for ch, allowed in zip(prefix, sequence, strict=False)):
            if len(sequence) <= len(prefix):
                return True  # this path matches within the prefix
            undecided = True  # it might match, depending on later digits
    return None if undecided else False


@functools.cache
def _digit_sequences(pattern: str) -> frozenset[tuple[frozenset[str], ...]] | None:
    """The strings a leading-digits pattern matches as a prefix, as sequences of digit sets ("7(?:0|6[02-9])" ->
    {7}{0}, {7}{6}{0,2..9}); None for anything but digits, classes, groups, alternatives and short repeats."""
    from re import _constants as sre  # type: ignore[attr-defined]
    from re import _parser as regex_parser  # type: ignore[attr-defined]

    digits = frozenset("0123456789")

    Sequences = set[tuple[frozenset[str], ...]]

    def expand(items: Any) -> Sequences:
        out: Sequences = {()}
        for op, arg in items:
            options: Sequences
            if op is sre.LITERAL and chr(arg) in digits:
                options = {(frozenset(chr(arg)),)}
            elif op is sre.IN:
                chars: set[str] = set()
                for item_op, item_arg in arg:
                    if item_op is sre.LITERAL:
                        chars.add(chr(item_arg))
                    elif item_op is sre.RANGE:
                        chars.update(chr(c) for c in range(item_arg[0], item_arg[1] + 1))
                    elif item_op is sre.CATEGORY and item_arg is sre.CATEGORY_DIGIT:
                        chars.update(digits)
                    else:
                        raise ValueError(pattern)
                if not chars <= digits:
                    raise ValueError(pattern)
                options = {(frozenset(chars),)}
            elif op is sre.SUBPATTERN:
                options = expand(arg[-1])
            elif op is sre.BRANCH:
                options = set()
                for branch in arg[1]:
                    options |= expand(branch)
            elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and arg[1] <= 8:
                once = expand(arg[2])
                options = set()
                for times in range(arg[0], arg[1] + 1):
                    for parts in itertools.product(once, repeat=times):
                        options.add(tuple(itertools.chain.from_iterable(parts)))
            else:
                raise ValueError(pattern)
            out = {start + end for start in out for end in options}
            if len(out) > 4096:
                raise ValueError(pattern)
        return out

    try:
        return frozenset(expand(regex_parser.parse(pattern)))
    except (ValueError, re.error):
        return None


class PhoneFormatter:
    """format_phone_for_display() for many stored numbers at once (an export of 100,000 requests).

    phonenumbers needs ~0.1 ms a number, 10 s for 100,000. The format a number gets depends on its country code,
    its length and its first few national digits (_deciding_digits: 3 for +1, 2 for +33 ...), never on the rest;
    so the text for "+1202" and 7 more digits is learnt once (the formatted sample with the places of those
    digits) and filled in for every other number of that shape. Anything not in E.164 is formatted on its own.
    A shape is learnt from the fewest leading digits that decide it (_decided(): "+4479" for every British mobile
    starting 79, rather than one shape per "+447911", "+447912" ...), so numbers from abroad, whose leading digits
    vary most, need few phonenumbers calls.
    """

    def __init__(self, region: str) -> None:
        self.region = region
        # (first `cut` characters, length) -> ("%s" template, getter of the digit runs it shows, from the whole
        # number): one C call each; None for a shape that cannot be templated (each such number on its own).
        self._fill: dict[tuple[str, int], tuple[str, Callable[[str], Any]] | None] = {}
        # The same, keyed by the fewest characters that decide the shape (several _fill keys share one).
        self._learnt: dict[tuple[str, int], tuple[str, Callable[[str], Any]] | None] = {}
        self._home_code = phonenumbers.country_code_for_region((region or "").upper())
        self._cuts: dict[str, int | None] = {}  # first four characters -> _cut() of every E.164 number starting so

    def __call__(self, phone: str) -> str:
        # The usual number: a shape learnt before, filled in with two dictionary look-ups and two C calls. The
        # checks are _cut()'s: the same first four characters (so the same country code) and plain digits (its
        # length check is the look-up's: fills are only learnt from numbers of six characters or more).
        cut = self._cuts.get(phone[:4])
        if cut is not None and phone.isascii() and phone[1:].isdigit():
            fill = self._fill.get((phone[:cut], len(phone)))
            if fill is not None:
                return fill[0] % fill[1](phone)
        return self._format(phone)

    def _format(self, phone: str) -> str:
        """__call__() for a number of a shape not learnt yet (learning it), or one that cannot be templated."""
        # The country code is within the first four characters ("+1", "+44", "+353"): so is where to cut.
        head = phone[:4]
        if head in self._cuts:
            cut = self._cuts[head]
            if cut is not None and (len(phone) < 6 or not phone.isascii() or not phone[1:].isdigit()):
                cut = None
        else:
            cut = self._cut(phone)
            if cut is not None:
                self._cuts[head] = cut
        if cut is None:
            return format_phone_for_display(phone, self.region)
        key = (phone[:cut], len(phone))
        if key in self._fill:
            fill = self._fill[key]
        else:
            fill = self._fill[key] = self._shape(phone, cut)
        if fill is None:
            return format_phone_for_display(phone, self.region)
        return fill[0] % fill[1](phone)

    def _shape(self, phone: str, cut: int) -> tuple[str, Callable[[str], Any]] | None:
        """The fill for numbers like `phone` (E.164, a known country code), learnt from the fewest leading digits
        that decide it, or from the first `cut` characters (_deciding_digits) when nothing shorter is sure to."""
        for code_length in (1, 2, 3):
            if int(phone[1 : 1 + code_length]) in phonenumbers.COUNTRY_CODE_TO_REGION_CODE:
                break
        country_code, national = int(phone[1 : 1 + code_length]), phone[1 + code_length :]
        for digits in range(1, cut - 1 - code_length):
            if _decided(country_code, len(national), national[:digits]):
                cut = 1 + code_length + digits
                break
        key = (phone[:cut], len(phone))
        if key not in self._learnt:
            self._learnt[key] = self._learn(phone, cut)
        return self._learnt[key]

    @staticmethod
    def _cut(phone: str) -> int | None:
        """Where the digits that do not decide the format start, or None when `phone` is not E.164."""
        if len(phone) < 6 or phone[0] != "+" or not phone.isascii() or not phone[1:].isdigit():
            return None
        for length in (1, 2, 3):
            country_code = int(phone[1 : 1 + length])
            if country_code in phonenumbers.COUNTRY_CODE_TO_REGION_CODE:
                return 1 + length + _deciding_digits(country_code)
        return None

    def _learn(self, phone: str, cut: int) -> tuple[str, Callable[[str], Any]] | None:
        # format_phone_for_display() without its cleaning and length checks: `phone` is plain E.164 here.
        try:
            number = phonenumbers.parse(phone, None)
        except phonenumbers.NumberParseException:
            return None
        formats = phonenumbers.PhoneNumberFormat
        domestic = number.country_code == self._home_code
        shown = phonenumbers.format_number(number, formats.NATIONAL if domestic else formats.INTERNATIONAL)
        rest = phone[cut:]
        places = [i for i, ch in enumerate(shown) if ch.isdigit()][-len(rest):] if rest else []
        if len(places) != len(rest) or "".join(shown[i] for i in places) != rest:
            return None  # not a plain grouping of the digits
        return _runs(shown, places, cut)


def _runs(shown: str, places: list[int], cut: int) -> tuple[str, Callable[[str], Any]]:
    """PhoneFormatter's fill for a learnt shape: `shown` (a formatted sample) as a "%s" template with one %s per run
    of the digits after `cut`, which sit at `places` in it, and the getter of those runs from the whole number:
    "(202) %s-%s" and the slices [5:8] and [8:12] of "+12025550143"."""
    at = set(places)
    text: list[str] = []
    runs: list[slice] = []
    start = cut
    i = 0
    while i < len(shown):
        if i in at:
            j = i
            while j + 1 in at:
                j += 1
            text.append("%s")
            runs.append(slice(start, start + j - i + 1))
            start += j - i + 1
            i = j + 1
        else:
            text.append(shown[i].replace("%", "%%"))
            i += 1
    if not runs:  # no digits after the cut: the sample is the text (an empty run keeps one %s and one value)
        text.append("%s")
        runs.append(slice(0, 0))
    return "".join(text), operator.itemgetter(*runs)


def _name_problem(name: str) -> str | None:
    if not name:
        return "required"
    if len(name) > NAME_MAX:
        return "too_long"
    # Staff need something to say on the phone; a "name" of only digits/punctuation/emoji is refused.
    # Any script counts as a letter (Arabic, Hebrew, CJK, accented Latin ...).
    if not any(unicodedata.category(ch).startswith("L") for ch in name):
        return "invalid_chars"
    return None


def validate_request(
    name: str,
    phone_raw: str,
    best_time: str,
    symptoms: Iterable[str],
    note: str,
    consent: bool,
    *,
    region: str,
    consent_version: str,
    language: str,
    known_symptoms: Collection[str] | None = None,
) -> tuple[NewRequest | None, list[FieldError]]:
    """Clean and check a submitted form.

    Returns (NewRequest, []) when everything is fine, otherwise (None, errors) with at most one error per
    field, in form order. Never raises for anything a patient can type; lengths are checked after cleaning
    and count Unicode code points. `known_symptoms` (the ids of the current content) is optional: when
    given, other ids are refused with ("symptoms", "unknown_choice").
    `consent_version` and `language` come from the app, not the patient: empty values raise ValueError.
    """
    if not consent_version or not language:
        raise ValueError("consent_version and language must be non-empty")

    errors: list[FieldError] = []

    clean_name = clean_text(name or "")
    problem = _name_problem(clean_name)
    if problem:
        errors.append(FieldError("name", problem))

    number, problem = _parse(phone_raw or "", region)
    if problem:
        errors.append(FieldError("phone", problem))

    if not best_time:
        errors.append(FieldError("best_time", "required"))
    elif best_time not in BEST_TIMES:
        errors.append(FieldError("best_time", "unknown_choice"))

    # Keep order (the order the patient ticked them), drop duplicates.
    symptom_ids = tuple(dict.fromkeys(symptoms or ()))
    if len(symptom_ids) > SYMPTOMS_MAX:
        errors.append(FieldError("symptoms", "too_long"))
    elif any(
        not isinstance(s, str) or not SYMPTOM_ID_RE.match(s) or (known_symptoms is not None and s not in known_symptoms)
        for s in symptom_ids
    ):
        errors.append(FieldError("symptoms", "unknown_choice"))

    clean_note = clean_text(note or "", multiline=True)
    if len(clean_note) > NOTE_MAX:
        errors.append(FieldError("note", "too_long"))

    if consent is not True:
        errors.append(FieldError("consent", "required"))

    if errors:
        return None, errors
    assert number is not None  # for type checkers: no phone error means a parsed number
    return (
        NewRequest(
            name=clean_name,
            phone=phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164),
            best_time=best_time,
            symptoms=symptom_ids,
            note=clean_note,
            consent_version=consent_version,
            language=language,
        ),
        [],
    )
