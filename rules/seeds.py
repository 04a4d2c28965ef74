"""The five seed articles every rule cites (files in ../shared/seeds/)."""

SEED_000 = "000_094a889f70470e6c.txt"  # in-house vs external call centre (ru)
SEED_001 = "001_26a419ceb9845029.txt"  # home-based own operators vs outsourcing (ru)
SEED_002 = "002_8e3dd5fe99ac0c51.txt"  # how to choose an outsourcing vendor (bg)
SEED_003 = "003_70b2c246a71d6dcb.txt"  # do you need a call centre: questionnaire + cheat sheet (ru)
SEED_004 = "004_56472794fa4e6891.txt"  # hybrid centres, KPIs, effectiveness (ru)

SEEDS = (SEED_000, SEED_001, SEED_002, SEED_003, SEED_004)
