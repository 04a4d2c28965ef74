"""The numbers: Erlang C staffing, the cost model, its assumptions, and the figures the rules
read. Never imports the reasoning."""
