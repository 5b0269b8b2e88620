"""The rule engine: loading rules, running them over the model, locating and suppressing findings."""
