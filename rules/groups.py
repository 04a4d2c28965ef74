"""Whom a statement speaks for, named once: the options of the sourcing stage in the groups the
seeds compare (data/options.yaml says why), and the named strengths of wording.

Every article that weighs options weighs own people against an outsourcer; "own" is own staff,
at home or in a centre. The hybrid keeps the core of the work in-house and gives side streams to
an outsourcer, so it shares the votes of the statements about the core and about the side
streams, and none of those about the work as a whole, which speak for doing all of it one way.
"""

# --- whom a statement favours (or speaks against) ---
HOME = ("home_team",)                          # own operators at home only (seed 001's profile)
OWN_CENTRE = ("in_house",)                     # what only a centre has or needs
OWN = ("home_team", "in_house")                # own people for the work as a whole
OWN_CORE = ("home_team", "in_house", "hybrid")  # own people for the core, which the hybrid keeps
KEPT_CENTRE = ("in_house", "hybrid")           # the own centre the client runs, kept
OUTSIDE = ("outsource",)                       # an outsourcer for the work as a whole
SIDE_OUT = ("outsource", "hybrid")             # an outsourcer for a side stream
HYBRID = ("hybrid",)                           # own resources with an outsourcer beside them

# --- the named strengths (data/options.yaml) ---
CATEGORICAL = "categorical"      # «однозначно»
RECOMMENDATION = "recommendation"  # «будет хорошим решением»
ARGUED = "argued"                # a factor the seed argues, a listed advantage
HINT = "hint"                    # a questionnaire row, an anecdote, a question the seed raises

# --- the findings the hybrid and the vetoes read ---
CORE = "core_for_own_centre"             # work an own team should keep
SIDE_STREAM = "side_stream_for_outsourcer"  # work an outsourcer can take beside it
