# Replaces pyinstaller-hooks-contrib's phonenumbers hook (build.spec puts this folder first in hookspath).
# phonenumbers loads each region's metadata by importing a module at run time, so every module under data/ and
# shortdata/ must be collected. The geocoder, carrier and time-zone data (42 MB of source) are never used by the
# kiosk, which only parses, validates and formats numbers; build.spec excludes them.
from PyInstaller.utils.hooks import collect_submodules

_UNUSED = ("phonenumbers.geo", "phonenumbers.carrier", "phonenumbers.timezone", "phonenumbers.tzdata")

hiddenimports = collect_submodules("phonenumbers", filter=lambda name: not name.startswith(_UNUSED))
