"""A guide's budget, for its reference town or recomputed for another one.

All the arithmetic of budgets lives here, in Decimal with explicit rounding, so the page, the
Word download and the tests agree to the crown: each line is rounded to whole crowns first,
totals are the sums of the rounded lines (the table adds up as printed), and per-inhabitant
figures are the totals divided by the population, rounded half up to whole crowns.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from .choices import BudgetLineScaling

WHOLE_CROWNS = Decimal("1")


def per_inhabitant(amount_czk, population):
    """CZK per inhabitant, rounded to whole crowns; None without a population."""
    if not population:
        return None
    return (Decimal(amount_czk) / population).quantize(WHOLE_CROWNS, ROUND_HALF_UP)


@dataclass(frozen=True)
class BudgetLine:
    item: str
    min_czk: Decimal
    max_czk: Decimal
    scaling: str

    @property
    def scales(self):
        return self.scaling == BudgetLineScaling.PER_INHABITANT


@dataclass(frozen=True)
class Budget:
    """Budget lines for a town of `population`; `reference_population` is the guide's own."""

    lines: tuple
    population: int
    reference_population: int

    @property
    def is_reference(self):
        return self.population == self.reference_population

    @property
    def total_min_czk(self):
        return sum((line.min_czk for line in self.lines), Decimal(0))

    @property
    def total_max_czk(self):
        return sum((line.max_czk for line in self.lines), Decimal(0))

    @property
    def per_inhabitant_min_czk(self):
        return per_inhabitant(self.total_min_czk, self.population)

    @property
    def per_inhabitant_max_czk(self):
        return per_inhabitant(self.total_max_czk, self.population)


def _scaled(amount, population, reference_population):
    # Multiply before dividing: the exact product keeps the one rounding at the end.
    return (Decimal(amount) * population / reference_population).quantize(
        WHOLE_CROWNS, ROUND_HALF_UP
    )


def _line_for(line, population, reference_population):
    if not line.scales:
        population = reference_population
    return BudgetLine(
        item=line.item,
        min_czk=_scaled(line.min_czk, population, reference_population),
        max_czk=_scaled(line.max_czk, population, reference_population),
        scaling=line.scaling,
    )


def budget_for(lines, reference_population, population=None):
    """The budget of `lines` for a town of `population` (the reference town if None).

    `lines` are BudgetLines as written for `reference_population`; lines "in proportion to the
    population" scale by population / reference_population, fixed lines stay as they are.
    """
    population = population or reference_population
    scaled = tuple(_line_for(line, population, reference_population) for line in lines)
    return Budget(scaled, population, reference_population)
