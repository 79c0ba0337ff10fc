"""The 12-digit personal identification number (số định danh cá nhân), docs/domain.md, "The 12-digit personal ID number".

Structure ``PPP G YY RRRRRR``: province of birth registration from the *old*
63-province list (it does not change with the 2025 merger), a century/sex
digit, the last two digits of the birth year, six random digits.
"""

from __future__ import annotations

# Old province codes (TT 07/2016 Phụ lục I), 001..096 with gaps.
OLD_PROVINCE_CODES = frozenset(
    """001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031 033 034 035
    036 037 038 040 042 044 045 046 048 049 051 052 054 056 058 060 062 064 066 067 068 070 072 074
    075 077 079 080 082 083 084 086 087 089 091 092 093 094 095 096""".split()
)


def century_sex_digit(birth_year: int, sex: str) -> int:
    """0/1 for the 1900s, 2/3 for the 2000s, ... even for men, odd for women."""
    century_index = (birth_year // 100) - 19
    if not 0 <= century_index <= 4:
        raise ValueError(f"birth year {birth_year} outside 1900–2399")
    return century_index * 2 + (1 if sex == "F" else 0)


def make(province_code: str, birth_year: int, sex: str, serial: int) -> str:
    """Compose a number; ``serial`` is the six trailing digits."""
    return (
        f"{province_code}{century_sex_digit(birth_year, sex)}{birth_year % 100:02d}{serial % 1_000_000:06d}"
    )


def is_well_formed(number: str) -> bool:
    return len(number) == 12 and number.isdigit() and number[:3] in OLD_PROVINCE_CODES
