"""The frame and the rules: formulas, derived quantities, energy grades, clause evaluation and its explanation."""
