"""Realistic synthetic coopkb data at N cooperatives, valid against the models.

The shipped federations.yaml and missions.yaml are kept; cooperatives.yaml gets the shipped
cooperatives plus N synthetic ones with unique slugs, spread over the regions roughly as Quebec's
cooperatives are, with fields of the sizes real records have (names of 30–70 characters, a
description, sometimes a timeline, figures and aliases).

Each synthetic cooperative has its evidence too (one claim for its values, one from an official
list for its country), and the documents it points at are written beside OUT_DIR, in
OUT_DIR-documents: the sources' texts (read from ../shared/seeds when they are there, never kept
in the project) followed by one synthetic passage per cooperative, so that
`validate --documents` is measured at scale.

usage: python benchmarks/generate.py N OUT_DIR [--seed S]
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SEEDS = ROOT.parent / "shared" / "seeds"
DOCUMENT = "000_06e19a9135f8b45b.txt"  # the document of cqcm-2014-territoires
HEADING = "Coopératives synthétiques du banc d'essai"

# Region weights: roughly each region's share of Quebec's cooperatives.
REGIONS = {
    "Bas-Saint-Laurent": 6,
    "Saguenay\u2013Lac-Saint-Jean": 7,
    "Capitale-Nationale": 11,
    "Mauricie": 5,
    "Estrie": 6,
    "Montréal": 18,
    "Outaouais": 4,
    "Abitibi-Témiscamingue": 3,
    "Côte-Nord": 2,
    "Nord-du-Québec": 2,
    "Gaspésie\u2013Îles-de-la-Madeleine": 3,
    "Chaudière-Appalaches": 7,
    "Laval": 2,
    "Lanaudière": 4,
    "Laurentides": 5,
    "Montérégie": 11,
    "Centre-du-Québec": 4,
}
MRCS = {
    "Capitale-Nationale": ["Portneuf", "Charlevoix"],
    "Estrie": ["Le Val-Saint-François"],
    "Bas-Saint-Laurent": ["Rimouski-Neigette", "Les Basques"],
    "Mauricie": ["Mékinac"],
    "Chaudière-Appalaches": ["Bellechasse", "Robert-Cliche"],
    "Lanaudière": ["D'Autray"],
    "Saguenay\u2013Lac-Saint-Jean": ["Le Domaine-du-Roy"],
}
KINDS = ["solidarité", "consommateurs", "producteurs", "travail", "travailleurs actionnaire"]
SECTORS = [
    "habitation",
    "alimentation",
    "santé",
    "services funéraires",
    "milieu scolaire",
    "forêt",
    "agriculture",
    "culture",
    "loisirs",
    "développement local",
    "énergie",
]
WORDS = (
    "coopérative services proximité village citoyens membres habitation aînés santé "
    "alimentation culture marché communauté projet territoire rural solidarité travail "
    "entreprise collective économie sociale développement local famille jeunes forêt"
).split()
PLACES = (
    "Saint-Laurent Sainte-Anne Lac-Brome Rivière-Rouge Mont-Joli Val-David Saint-Jean "
    "Notre-Dame Beaulac Granby Chicoutimi Rimouski Sherbrooke Magog Gatineau"
).split()


def cooperative(index: int, rng: random.Random) -> tuple[str, str, str]:
    """The record, its evidence entry and the document passage stating its values."""
    region = rng.choices(list(REGIONS), weights=list(REGIONS.values()))[0]
    place = f"{rng.choice(PLACES)}-{index % 97}"
    name = (
        f"Coopérative {rng.choice(['de solidarité', 'de travail', 'de services'])} "
        + " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 5)))
        + f" de {place}"
    )
    lines = [
        f"  - slug: coop-synthetique-{index}",
        f"    name: {name}",
    ]
    if rng.random() < 0.3:
        lines += ["    aliases:", f"      - Coop {place}"]
    lines += ["    country: Canada", f"    region: {region}"]
    if region in MRCS and rng.random() < 0.5:
        lines.append(f"    mrc: {rng.choice(MRCS[region])}")
    lines.append(f"    municipality: {place}")
    if rng.random() < 0.6:
        lines.append(f"    legal_category: {rng.choice(KINDS)}")
    lines.append(f"    sector: {rng.choice(SECTORS)}")
    words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 25)))
    lines.append(f"    description: {words}.")
    if rng.random() < 0.4:
        lines.append("    timeline:")
        year = rng.randint(1980, 2015)
        for step in range(rng.randint(1, 4)):
            lines.append(f"      - event: Étape {step + 1} du projet {rng.choice(WORDS)}.")
            if rng.random() < 0.8:
                lines.append(f"        date: {year + step}")
    if rng.random() < 0.3:
        lines += [
            "    figures:",
            "      - label: membres",
            f"        value: {rng.randint(5, 5000)}",
            f"        date: {rng.randint(2010, 2024)}",
        ]
    lines.append("    sources: [cqcm-2014-territoires]")
    record = "\n".join(lines)
    fields = [
        line.split(":")[0].strip()
        for line in lines[1:]
        if line.startswith("    ") and not line.startswith("     ")
    ]
    covered = [f for f in fields if f not in ("slug", "sources", "country")]
    evidence = "\n".join(
        [
            f"  coop-synthetique-{index}:",
            f"    - of: [{', '.join(covered)}]",
            "      source: cqcm-2014-territoires",
            f"      at: {HEADING}",
            f"      says: fiche synthétique {index}",
            "    - of: [country]",
            "      official: regions-quebec",
        ]
    )
    # every value's facts on the passage's line: names, places, numbers and years
    values = [line.strip().removeprefix("- ") for line in lines[1:-1]]
    passage = f"- fiche synthétique {index} : " + " ; ".join(
        value.split(": ", 1)[-1] for value in values if not value.endswith(":")
    )
    return record, evidence, passage


def documents_of(out: Path) -> Path:
    """Where ``generate`` writes the documents of the data it wrote in ``out``."""
    return out.with_name(out.name + "-documents")


def generate(count: int, out: Path, seed: int = 2026, base: Path = DATA) -> Path:
    """``count`` synthetic cooperatives added to the records of ``base`` (the shipped data; the
    tests pass their own frozen base, so that an edit of data/ changes none of their counts)."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    for name in ("federations.yaml", "missions.yaml"):
        shutil.copyfile(base / name, out / name)
        evidence = base / name.replace(".yaml", ".evidence.yaml")
        if evidence.is_file():
            shutil.copyfile(evidence, out / evidence.name)
    made = [cooperative(i, rng) for i in range(count)]
    shipped = (base / "cooperatives.yaml").read_text(encoding="utf-8").rstrip("\n")
    body = "\n".join(record for record, _, _ in made)
    (out / "cooperatives.yaml").write_text(f"{shipped}\n\n{body}\n", encoding="utf-8")
    shipped_evidence = base / "cooperatives.evidence.yaml"
    head = (
        shipped_evidence.read_text(encoding="utf-8").rstrip("\n")
        if shipped_evidence.is_file()
        else "evidence:"
    )
    claims = "\n".join(evidence for _, evidence, _ in made)
    (out / "cooperatives.evidence.yaml").write_text(f"{head}\n{claims}\n", encoding="utf-8")
    folder = documents_of(out)
    folder.mkdir(parents=True, exist_ok=True)
    if SEEDS.is_dir():
        for seed_file in SEEDS.glob("*.txt"):
            shutil.copyfile(seed_file, folder / seed_file.name)
    passages = "\n".join(passage for _, _, passage in made)
    document = folder / DOCUMENT
    start = document.read_text(encoding="utf-8") if document.is_file() else ""
    document.write_text(f"{start}\n\n## {HEADING}\n\n{passages}\n", encoding="utf-8")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    generate(args.count, args.out, args.seed)


if __name__ == "__main__":
    main()
