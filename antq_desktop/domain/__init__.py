"""Plain rules with no storage and no Qt: text folding, identity numbers, enumerations."""
