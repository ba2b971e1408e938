"""Realistic synthetic coopkb data at N cooperatives, valid against the models.

The shipped federations.yaml and missions.yaml are kept; cooperatives.yaml gets the shipped
cooperatives plus N synthetic ones with unique slugs, spread over the regions roughly as Quebec's
cooperatives are, with fields of the sizes real records have (names of 30–70 characters, a
description, sometimes a timeline, figures and aliases).

usage: python benchmarks/generate.py N OUT_DIR [--seed S]
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"

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


def cooperative(index: int, rng: random.Random) -> str:
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
    return "\n".join(lines)


def generate(count: int, out: Path, seed: int = 2026) -> Path:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    for name in ("federations.yaml", "missions.yaml"):
        shutil.copyfile(DATA / name, out / name)
    shipped = (DATA / "cooperatives.yaml").read_text(encoding="utf-8").rstrip("\n")
    body = "\n".join(cooperative(i, rng) for i in range(count))
    (out / "cooperatives.yaml").write_text(f"{shipped}\n\n{body}\n", encoding="utf-8")
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
