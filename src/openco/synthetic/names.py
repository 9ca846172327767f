"""Invented names for synthetic people, places and units.

The lists hold common Finnish and Swedish first names and surnames built from nature words;
combined at random they name nobody in particular. Nothing here is, or looks like, a personal
identity code: synthetic ids are plain counters such as ``a0001-f00012-g1``.
"""

from __future__ import annotations

from random import Random
from typing import Final

__all__ = [
    "FIRST_NAMES",
    "PLACE_PARTS",
    "SURNAME_PARTS",
    "first_name",
    "full_name",
    "place_name",
]

FIRST_NAMES: Final[tuple[str, ...]] = (
    "Aino", "Eino", "Helmi", "Onni", "Venla", "Leo", "Ella", "Elias", "Isla", "Väinö",
    "Lilja", "Toivo", "Sofia", "Eeli", "Aada", "Oliver", "Pihla", "Niilo", "Enni", "Lenni",
    "Hilla", "Veeti", "Saana", "Joel", "Iida", "Arttu", "Minea", "Rasmus", "Oona", "Aatu",
    "Laura", "Mikko", "Johanna", "Antti", "Sanna", "Jukka", "Heidi", "Tuomas", "Katja", "Ville",
    "Riikka", "Janne", "Elina", "Petri", "Maija", "Sami", "Tiina", "Kalle", "Noora", "Ilkka",
    "Astrid", "Nils", "Ebba", "Hugo", "Selma", "Axel", "Tuva", "Linnea", "Otto", "Saga",
)  # fmt: skip

SURNAME_PARTS: Final[tuple[tuple[str, ...], tuple[str, ...]]] = (
    ("Kivi", "Koivu", "Mänty", "Järvi", "Kallio", "Lehto", "Salo", "Niemi", "Mäki", "Hiekka",
     "Kuusi", "Paju", "Pihlaja", "Ranta", "Suo", "Tuuli", "Routa", "Aalto", "Harju", "Kangas"),
    ("nen", "la", "lä", "mo", "vaara", "lampi", "oja", "puro", "saari", "korpi"),
)  # fmt: skip

PLACE_PARTS: Final[tuple[tuple[str, ...], tuple[str, ...]]] = (
    ("Kivi", "Koivu", "Kuusi", "Haapa", "Pihlaja", "Kalla", "Routa", "Revon", "Hilla", "Kota",
     "Tunturi", "Lumi", "Poro", "Kaarna", "Sammal", "Jänkä", "Kelo", "Kataja", "Tervas", "Kuura"),
    ("lampi", "rinne", "vaara", "niemi", "mäki", "harju", "kangas", "kylä", "koski", "aapa"),
)  # fmt: skip


def first_name(rng: Random) -> str:
    """A first name from :data:`FIRST_NAMES`.

    >>> first_name(Random(1)) in FIRST_NAMES
    True
    """
    return FIRST_NAMES[int(rng.random() * len(FIRST_NAMES))]


def _surname(rng: Random) -> str:
    stems, endings = SURNAME_PARTS
    return stems[int(rng.random() * len(stems))] + endings[int(rng.random() * len(endings))]


def full_name(rng: Random) -> str:
    """An invented first name and surname, e.g. ``"Aino Kivioja"``.

    >>> len(full_name(Random(1)).split())
    2
    """
    return f"{first_name(rng)} {_surname(rng)}"


def place_name(index: int) -> str:
    """An invented place name for area number *index*, distinct for the first 200 indices.

    >>> place_name(0), place_name(1)
    ('Kivilampi', 'Koivurinne')
    >>> len({place_name(i) for i in range(200)})
    200
    """
    stems, endings = PLACE_PARTS
    name = stems[index % len(stems)] + endings[(index + index // len(stems)) % len(endings)]
    rounds = index // (len(stems) * len(endings))
    return name if rounds == 0 else f"{name} {rounds + 1}"
