"""The arithmetic of a guide's budget (catalogue/budget.py) on its boundary values."""

from decimal import Decimal

import pytest

from catalogue.budget import BudgetLine, budget_for, per_inhabitant
from catalogue.choices import BudgetLineScaling

SCALED = BudgetLineScaling.PER_INHABITANT
FIXED = BudgetLineScaling.FIXED


def line(low, high, scaling=SCALED, item="Položka"):
    return BudgetLine(item=item, min_czk=Decimal(low), max_czk=Decimal(high), scaling=scaling)


def test_a_budget_without_lines_totals_nothing():
    budget = budget_for([], reference_population=50_000)
    assert budget.lines == ()
    assert (budget.total_min_czk, budget.total_max_czk) == (0, 0)
    assert (budget.per_inhabitant_min_czk, budget.per_inhabitant_max_czk) == (0, 0)


def test_one_line_for_the_reference_town_is_the_line_itself():
    budget = budget_for([line(1_000_000, 2_000_000)], reference_population=50_000)
    assert budget.is_reference
    assert (budget.total_min_czk, budget.total_max_czk) == (1_000_000, 2_000_000)
    assert (budget.per_inhabitant_min_czk, budget.per_inhabitant_max_czk) == (20, 40)


def test_scaled_lines_follow_the_population_and_fixed_lines_stay():
    lines = [line(1_000_000, 2_000_000), line(300_000, 500_000, FIXED)]
    budget = budget_for(lines, reference_population=50_000, population=23_000)
    assert not budget.is_reference
    sensors, management = budget.lines
    assert (sensors.min_czk, sensors.max_czk) == (460_000, 920_000)
    assert (management.min_czk, management.max_czk) == (300_000, 500_000)
    assert (budget.total_min_czk, budget.total_max_czk) == (760_000, 1_420_000)
    # 760,000 / 23,000 = 33.04…; 1,420,000 / 23,000 = 61.739…
    assert (budget.per_inhabitant_min_czk, budget.per_inhabitant_max_czk) == (33, 62)


def test_lines_round_half_up_to_whole_crowns_and_totals_add_the_rounded_lines():
    # 5 × 1/2 = 2.5 → 3 (half up, not to even); 1,000,001 × 1/3 = 333,333.67 → 333,334.
    lines = [line(5, 5), line(1_000_001, 1_000_001)]
    half = budget_for(lines[:1], reference_population=2, population=1)
    third = budget_for(lines[1:], reference_population=3, population=1)
    assert half.lines[0].min_czk == 3
    assert third.lines[0].min_czk == 333_334
    both = budget_for([line(5, 5), line(5, 5)], reference_population=2, population=1)
    assert both.total_min_czk == 6  # the sum of the printed lines, not round(2.5 + 2.5)


def test_scaling_multiplies_before_dividing_so_thirds_come_back_whole():
    budget = budget_for(
        [line(3_000_000, 3_000_000)], reference_population=30_000, population=10_000
    )
    assert budget.lines[0].min_czk == 1_000_000


def test_a_town_of_one_inhabitant():
    lines = [line(1_000_000, 2_000_000), line(300_000, 500_000, FIXED)]
    budget = budget_for(lines, reference_population=50_000, population=1)
    assert [(x.min_czk, x.max_czk) for x in budget.lines] == [(20, 40), (300_000, 500_000)]
    assert budget.per_inhabitant_min_czk == budget.total_min_czk == 300_020


def test_a_very_large_town():
    lines = [line(1_000_000, 2_000_000), line(300_000, 500_000, FIXED)]
    budget = budget_for(lines, reference_population=50_000, population=20_000_000)
    assert budget.lines[0].max_czk == 800_000_000
    assert budget.total_max_czk == 800_500_000
    # The fixed part per inhabitant vanishes in rounding: 800,500,000 / 20,000,000 = 40.025.
    assert budget.per_inhabitant_max_czk == 40


@pytest.mark.parametrize("population", [None, 0])
def test_no_population_has_no_per_inhabitant_figure(population):
    assert per_inhabitant(Decimal(1000), population) is None


def test_per_inhabitant_rounds_half_up():
    assert per_inhabitant(Decimal(5), 2) == 3
    assert per_inhabitant(Decimal(7), 2) == 4
