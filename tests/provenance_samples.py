"""Articles written for the provenance tests: an original, copies of it, and an independent
report of the same story (fictional events, written by us)."""

ORIGINAL = """Harbour authority approves Lindmark port expansion

The Lindmark Harbour Authority approved a 240 million euro expansion of the northern port on Tuesday, after two years of disputes with fishing groups.

Chair Marta Eklund said the new container berth would open in 2027 and create about 1,200 jobs in the region.

"This is the largest investment the harbour has seen since the 1960s," Eklund told reporters at the town hall.

The Coastal Fishers Union had argued that dredging would destroy spawning grounds for herring and cod in the bay.

Union leader Pavel Rusko said his members would appeal the decision in the regional court before the end of March.

Environment minister Jonas Berg welcomed the plan but asked the authority to publish its full study of the seabed.

The expansion will be paid for by a loan from the Nordic Investment Bank and by port fees.

Work on the breakwater is expected to begin in September.
"""

VERBATIM = """BREAKING: Lindmark port expansion gets the green light

The Lindmark Harbour Authority approved a 240 million euro expansion of the northern port on Tuesday, after two years of disputes with fishing groups.

Chair Marta Eklund said the new container berth would open in 2027 and create about 1,200 jobs in the region.

"This is the largest investment the harbour has seen since the 1960s," Eklund told reporters at the town hall.

The Coastal Fishers Union had argued that dredging would destroy spawning grounds for herring and cod in the bay.

Union leader Pavel Rusko said his members would appeal the decision in the regional court before the end of March.

Environment minister Jonas Berg welcomed the plan but asked the authority to publish its full study of the seabed.

The expansion will be paid for by a loan from the Nordic Investment Bank and by port fees.

Work on the breakwater is expected to begin in September.

Share this:
Facebook
Twitter

Source link
"""

REWRITE = """Lindmark harbour growth plan wins backing

On Tuesday the northern port's 240 million euro growth plan was given the go-ahead by the Lindmark Harbour Authority, following a two-year row with fishing organisations.

The fresh container quay will open in 2027, Chair Marta Eklund has stated, and it will generate roughly 1,200 positions across the region.

Eklund informed journalists at the town hall that this is the biggest investment the harbour has witnessed since the 1960s.

According to the Coastal Fishers Union, dredging would wipe out the spawning grounds of herring and cod in the bay.

His members will challenge the ruling in the regional court before March ends, union head Pavel Rusko has stated.

The scheme was welcomed by environment minister Jonas Berg, who nonetheless requested that the authority release its complete seabed study.

A loan from the Nordic Investment Bank, together with port charges, will fund the expansion.

Construction of the breakwater is anticipated to commence in September.

Source link
"""

EXCERPT = """The Lindmark Harbour Authority approved a 240 million euro expansion of the northern port on Tuesday, after two years of disputes with fishing groups. Chair Marta Eklund said the new container berth would open in 2027 and create about 1,200 jobs in the region. "This is the largest investment the harbour has seen since the 1960s," Eklund told reporters at the town hall.
"""

# The same story from another newsroom: same names, numbers, the same quote, its own
# sentences in its own order.
INDEPENDENT = """Fishers vow to fight Lindmark port plan in court

Fishermen in Lindmark say they will go to court to stop a port expansion that they fear will empty the bay of fish.

Pavel Rusko, who leads the Coastal Fishers Union, spent Tuesday morning on the quay with about forty boat owners, many of whom have fished herring here for three generations.

"We were never asked what the seabed is worth to us," said Rusko, a third-generation fisherman.

Hours later the harbour authority voted to go ahead with the 240 million euro project.

Its chair, Marta Eklund, called it "the largest investment the harbour has seen since the 1960s."

Marine biologists at the university have warned that silt from dredging can smother eggs for several seasons.

Environment minister Jonas Berg has yet to say whether he will order a new study.

The union has until the end of March to file its appeal.
"""
