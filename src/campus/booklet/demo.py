"""A demo cohort for trying the booklet out (``manage.py booklet_demo_cohort``): generated people, never the
seed's. Each gets an account that cannot sign in (no usable password, an address under ``.invalid``), a
participant row, a booklet profile written through the booklet's services, a generated portrait (coloured
background, initials; re-encoded by ``photos.process_photo`` like any upload) and a recorded consent (mostly
public, some participants only, a few nobody). The same seed gives the same people.

Run once per edition: a second run finds the demo addresses and refuses (``DemoError``).
"""

from __future__ import annotations

import io
import random
import re
import unicodedata
from dataclasses import dataclass

from django.db import transaction
from PIL import Image, ImageDraw, ImageFont

from . import photos, services
from .models import ConsentLevel, Sector

DOMAIN = "booklet-demo.invalid"

# Baltic Sea Region countries with given names, family names and cities typical of them.
COUNTRIES = {
    "FI": (["Aino", "Eero", "Helmi", "Juha", "Kaisa", "Mikko", "Sanna", "Ville"],
           ["Virtanen", "Korhonen", "Mäkinen", "Nieminen", "Heikkinen", "Laine"], ["Vaasa", "Turku", "Oulu", "Tampere"]),
    "SE": (["Anna", "Erik", "Karin", "Lars", "Maja", "Oskar", "Sara", "Johan"],
           ["Andersson", "Lindqvist", "Nilsson", "Berg", "Holm", "Sjöberg"], ["Umeå", "Malmö", "Luleå", "Göteborg"]),
    "EE": (["Kadri", "Mart", "Liis", "Tõnu", "Kertu", "Rasmus"], ["Tamm", "Saar", "Sepp", "Kask", "Mägi"],
           ["Tallinn", "Tartu", "Pärnu"]),
    "LV": (["Līga", "Jānis", "Ilze", "Mārtiņš", "Dace", "Edgars"], ["Bērziņš", "Kalniņa", "Ozols", "Liepa"],
           ["Riga", "Liepāja", "Jelgava"]),
    "LT": (["Rūta", "Tomas", "Eglė", "Mantas", "Ieva", "Darius"], ["Kazlauskas", "Jankauskaitė", "Petrauskas"],
           ["Vilnius", "Kaunas", "Klaipėda"]),
    "PL": (["Agnieszka", "Piotr", "Magdalena", "Tomasz", "Zofia", "Jakub"], ["Nowak", "Kowalska", "Wiśniewski"],
           ["Gdańsk", "Szczecin", "Olsztyn"]),
    "DE": (["Anke", "Jonas", "Frauke", "Malte", "Wiebke", "Hauke"], ["Petersen", "Hansen", "Schröder", "Jensen"],
           ["Kiel", "Rostock", "Lübeck", "Greifswald"]),
    "DK": (["Mette", "Søren", "Ida", "Rasmus", "Freja", "Mads"], ["Nielsen", "Christensen", "Møller", "Larsen"],
           ["Aarhus", "Odense", "Aalborg"]),
}
# A few countries are crowded, as in a real cohort.
WEIGHTS = {"FI": 6, "SE": 5, "EE": 3, "LV": 3, "LT": 3, "PL": 3, "DE": 4, "DK": 3}

SECTORS = {
    Sector.ENERGY: ("Energy", "the energy transition: wind, storage and smart grids"),
    Sector.MARITIME: ("Blue Growth", "shipping, ports and offshore technology"),
    Sector.DIGITAL: ("Digital", "software, data and cyber security companies"),
    Sector.HEALTH: ("Life Science", "health technology, diagnostics and medical devices"),
    Sector.BIOECONOMY: ("Forest & Bio", "wood, biomaterials and the forest-based bioeconomy"),
    Sector.AGRIFOOD: ("Food", "food processing, agritech and food safety"),
    Sector.MANUFACTURING: ("Smart Manufacturing", "machinery, automation and advanced materials"),
    Sector.CLEANTECH: ("Cleantech", "water, circular economy and environmental technology"),
    Sector.MOBILITY: ("Logistics", "logistics, mobility services and transport corridors"),
    Sector.CREATIVE: ("Creative", "games, design and tourism experiences"),
}
ROLES = ["Cluster manager", "Cluster manager", "Managing director", "Innovation manager", "Project manager",
         "Head of cluster development"]
PALETTE = ["#0b4f6c", "#1b6f5c", "#7a3b69", "#8c5a14", "#2f4858", "#5b3f8c", "#a23b3b", "#33658a"]

WHY = [
    "Our cluster has grown from {n} to more than {m} members in three years, and I wanted to learn how other cluster "
    "managers around the Baltic Sea organise services for so many companies without losing the personal touch.",
    "I applied because I was looking for a structured way to develop our cluster strategy and to compare it with "
    "clusters that work on {topic} in other countries.",
    "After several years of running projects I wanted to step back and think about the cluster organisation as a "
    "whole: its business model, its services and how we measure what we achieve for our members.",
]
EXPECT = [
    "I expect to leave with new partners for joint projects in {topic}, and with practical tools that I can use "
    "with my team the week after each module.",
    "I hope to gain a network of peers I can call when we face a difficult decision, and a clearer picture of "
    "how cluster excellence is assessed in Europe.",
    "Above all I want to learn from the other participants: how they finance their clusters, how they involve "
    "small companies and how they work with their regions.",
]


@dataclass(frozen=True)
class DemoPerson:
    given: str
    family: str
    country: str
    city: str
    sector: str
    index: int


class DemoError(Exception):
    """The demo cohort cannot be made (the message says why)."""


def demo_email(edition, index: int) -> str:
    return f"demo.{edition.pk}.{index:04d}@{DOMAIN}"


def people(count: int, seed: int = 2020) -> list[DemoPerson]:
    rng = random.Random(seed)
    codes = list(WEIGHTS)
    sectors = list(SECTORS)
    result = []
    for index in range(1, count + 1):
        code = rng.choices(codes, [WEIGHTS[c] for c in codes])[0]
        given, family, cities = COUNTRIES[code]
        result.append(DemoPerson(given=rng.choice(given), family=rng.choice(family), country=code,
                                 city=rng.choice(cities), sector=rng.choice(sectors), index=index))
    return result


def portrait(name: str, colour: str, size: tuple[int, int] = (480, 600)) -> bytes:
    """A portrait-shaped picture with the person's initials on a coloured, softly lit background (PNG)."""
    width, height = size
    image = Image.new("RGB", size, colour)
    draw = ImageDraw.Draw(image)
    base = Image.new("RGB", (1, 1), colour).getpixel((0, 0))
    for step in range(height // 4):  # a vertical light fall-off
        shade = tuple(min(255, int(c + (255 - c) * 0.18 * (1 - step / (height / 4)))) for c in base)
        draw.rectangle([0, step * 4, width, step * 4 + 3], fill=shade)
    # shoulders and head, a silhouette in a lighter tone
    light = tuple(min(255, c + 60) for c in base)
    draw.ellipse([width * 0.12, height * 0.70, width * 0.88, height * 1.25], fill=light)
    draw.ellipse([width * 0.30, height * 0.22, width * 0.70, height * 0.62], fill=light)
    letters = "".join(part[0] for part in name.split()[:2]).upper()
    font = ImageFont.load_default(size=int(height * 0.16))
    draw.text((width / 2, height * 0.42), letters, fill=base, font=font, anchor="mm")
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def profile_data(person: DemoPerson) -> dict:
    rng = random.Random(person.index)
    label, topic = SECTORS[person.sector]
    name = f"{person.given} {person.family}"
    cluster = f"{person.city} {label} Cluster"
    ascii_name = unicodedata.normalize("NFKD", cluster.lower()).encode("ascii", "ignore").decode()
    slug = "-".join(re.findall(r"[a-z0-9]+", ascii_name))
    members = rng.randint(25, 180)
    return {
        "display_name": name, "role": rng.choice(ROLES), "organisation": f"{cluster} Association",
        "cluster_name": cluster, "cluster_website": f"https://{slug}.example.org/",
        "country": person.country, "sector": person.sector, "sector_detail": "",
        "cluster_description": (f"{cluster} brings together {members} companies, research institutes and public "
                                f"bodies around {topic}. We run matchmaking, joint development projects and "
                                f"internationalisation services for our members, and we speak for the sector in "
                                f"{person.city} and the region. The cluster team has {rng.randint(2, 9)} people."),
        "why_applied": " ".join(rng.sample(WHY, 2)).format(n=members // 2, m=members, topic=topic),
        "expectations": " ".join(rng.sample(EXPECT, 2)).format(topic=topic),
        "contact_email": f"{person.given.lower()}.{person.index}@example.org" if rng.random() < 0.6 else "",
        "contact_phone": "", "linkedin": "",
    }


def consent_level(index: int) -> str:
    """Mostly public; every seventh participants only, every nineteenth nobody."""
    if index % 19 == 0:
        return ConsentLevel.NOBODY
    if index % 7 == 0:
        return ConsentLevel.PARTICIPANTS
    return ConsentLevel.PUBLIC


def make_person(edition, person: DemoPerson, *, with_photo: bool = True):
    from django.contrib.auth import get_user_model

    from campus.cohort.models import Participant

    name = f"{person.given} {person.family}"
    with transaction.atomic():
        user = get_user_model().objects.create_user(
            email=demo_email(edition, person.index), password=None, given_name=person.given,
            family_name=person.family, full_name=name)
        participant = Participant.objects.create(edition=edition, user=user)
        profile = services.profile_for(participant=participant)
        photo = None
        if with_photo:
            picture = io.BytesIO(portrait(name, PALETTE[person.index % len(PALETTE)]))
            picture.name = "portrait.png"
            photo = photos.process_photo(picture)
        services.save_profile(profile=profile, data=profile_data(person), actor=None, by_staff=True, photo=photo)
        services.record_consent(profile=profile, level=consent_level(person.index), actor=None, by_staff=True)
    return profile


def fill(edition, count: int, *, with_photos: bool = True, seed: int = 2020) -> int:
    """Make ``count`` demo participants of ``edition``; refuses when it already has demo people."""
    from django.contrib.auth import get_user_model

    if count < 1:
        raise DemoError("Give a count of at least 1.")
    existing = get_user_model().objects.filter(email__startswith=f"demo.{edition.pk}.",
                                               email__endswith=f"@{DOMAIN}").count()
    if existing:
        raise DemoError(f"The edition {edition.slug} already has a demo cohort ({existing} people). It is made "
                        "once per edition; erase those participants first to make another.")
    for person in people(count, seed):
        make_person(edition, person, with_photo=with_photos)
    return count
