"""Differential test of the library's arithmetic against Python's decimal module.

Thousands of generated cases cross the C interface through the binding and
their verdicts are compared with what `decimal` (and `fractions` for exact
ratios) says:
  * comparisons of reported values with targets (≤ ≥ < > =), at the boundary
    and one unit of the last place either side, with trailing zeros, signs
    and full-width digits;
  * rates derived from counts (a / b × 1000), exact and rounded to 0–4
    places by each of the five rounding rules, including exact ties.
The cases come from a fixed seed, so a failure is reproducible.
"""
import decimal
import fractions
import random
import unittest

import healthact

D = decimal.Decimal
SEED = 20221231
FULL_WIDTH = str.maketrans("0123456789.-", "０１２３４５６７８９．－")
COMPARATORS = {"≤": lambda v, t: v <= t, "≥": lambda v, t: v >= t, "<": lambda v, t: v < t,
               ">": lambda v, t: v > t, "=": lambda v, t: v == t}
ROUNDING = {"四舍五入": decimal.ROUND_HALF_UP, "四舍六入五成双": decimal.ROUND_HALF_EVEN,
            "截断": decimal.ROUND_DOWN, "向下取整": decimal.ROUND_FLOOR,
            "向上取整": decimal.ROUND_CEILING}


def random_decimal(rng, integer_digits, places):
    integer = rng.randrange(10 ** integer_digits)
    text = str(integer)
    if places:
        text += "." + "".join(rng.choice("0123456789") for _ in range(places))
    return text


def near(rng, target):
    """A value at, just above or just below `target`, written in various ways."""
    t = D(target)
    exponent = min(t.as_tuple().exponent, 0)
    step = D(1).scaleb(exponent - rng.choice([0, 0, 1, 3]))
    value = t + step * rng.choice([-1, 0, 0, 1])
    text = format(value, "f")
    if rng.random() < 0.3 and "." in text:
        text += "0" * rng.randrange(1, 3)       # 74.6 written 74.600
    if rng.random() < 0.1:
        text = text.translate(FULL_WIDTH)       # ７４．６
    return text


def from_full_width(text):
    return text.translate(str.maketrans("０１２３４５６７８９．－", "0123456789.-"))


def round_fraction(q, places, mode):
    """A Fraction rounded to `places` decimals by a decimal rounding mode."""
    with decimal.localcontext() as context:
        context.prec = 200
        exact = D(q.numerator) / D(q.denominator)
        return exact.quantize(D(1).scaleb(-places), rounding=mode)


class Cases:
    """A framework text, the reports, and the expected verdict of each
    (unit, indicator), built together."""

    def __init__(self):
        self.lines = ['框架 "差分测试"', "计数 分子 人", "计数 分母 人"]
        self.rows = []       # (unit, key, value)
        self.expected = {}   # (unit, indicator) -> (status, value or None)
        self.indicators = 0

    def indicator(self, body):
        self.indicators += 1
        number = str(self.indicators)
        self.lines.append(f'指标 {number} "指标{number}" {{ {body} }}')
        return number


def comparison_cases(rng, cases, indicators, units):
    for _ in range(indicators):
        comparator = rng.choice(list(COMPARATORS))
        target = random_decimal(rng, rng.randrange(1, 12), rng.randrange(0, 7))
        if rng.random() < 0.1:
            target = "-" + target
        direction = "越低越好" if comparator in "≤<" else "越高越好"
        # 范围 -- --: the arithmetic is compared over the whole number line;
        # plausible ranges have tests of their own.
        number = cases.indicator(f"单位 岁 范围 -- -- 方向 {direction} 目标 2022 {comparator}{target}")
        for u in range(units):
            value = near(rng, target)
            unit = f"单位{u:03d}"
            cases.rows.append((unit, number, value))
            met = COMPARATORS[comparator](D(from_full_width(value)), D(target))
            cases.expected[(unit, number)] = ("met" if met else "not_met", None)


def rate_cases(rng, cases, indicators, units):
    for _ in range(indicators):
        rule = rng.choice(list(ROUNDING))
        places = rng.choice([None, 0, 1, 2, 3, 4])
        comparator = rng.choice(["≤", "≥", "<", ">"])
        direction = "越低越好" if comparator in "≤<" else "越高越好"
        # Counts per unit; some denominators divide a power of ten, so that
        # exact ties (…5 in the first dropped place) occur.
        counts = []
        for _ in range(units):
            if rng.random() < 0.4:
                b = rng.choice([8, 16, 40, 80, 125, 400, 625, 800, 3125, 20000])
            else:
                b = rng.randrange(1, 10 ** rng.randrange(1, 7))
            counts.append((rng.randrange(0, 3 * b + 1), b))
        # The target is one unit's own value: verdicts sit on the boundary.
        a0, b0 = counts[0]
        q0 = fractions.Fraction(a0 * 1000, b0)
        boundary = round_fraction(q0, 4 if places is None else places, ROUNDING[rule])
        target = format(boundary, "f")
        rounding = "" if places is None else f" 保留 {places} {rule}"
        number = cases.indicator(f"单位 ‰ 范围 -- -- 方向 {direction} 公式 分子 / 分母 * 1000{rounding} "
                                 f"目标 2022 {comparator}{target}")
        for u, (a, b) in enumerate(counts):
            unit = f"率{number}单位{u:03d}"
            cases.rows.append((unit, "分子", str(a)))
            cases.rows.append((unit, "分母", str(b)))
            q = fractions.Fraction(a * 1000, b)
            if places is None:
                value = q                                   # compared exactly
                shown = None
            else:
                value = round_fraction(q, places, ROUNDING[rule])
                shown = format(value, "f")
            met = COMPARATORS[comparator](fractions.Fraction(value), fractions.Fraction(D(target)))
            cases.expected[(unit, number)] = ("met" if met else "not_met", shown)


class DecimalDifferentialTest(unittest.TestCase):
    def check(self, cases):
        text = "\n".join(cases.lines) + "\n"
        with healthact.Framework.parse(text, "differential.ha") as framework, \
                healthact.Observations() as data:
            units, keys, years, values = zip(*[(u, k, 2022, v) for (u, k, v) in cases.rows])
            data.add_batch(list(units), list(keys), list(years), list(values))
            with framework.assess(data, 2022) as result:
                checked = 0
                for position, unit in enumerate(result.units()):
                    for verdict in result.verdicts(position):
                        key = (unit["unit"], verdict["indicator"])
                        if key not in cases.expected:
                            continue  # the unit reports nothing for it
                        status, shown = cases.expected[key]
                        self.assertEqual(verdict["status"], status,
                                         f"{key}: {verdict['value']} {verdict['target']} "
                                         f"({verdict['reason']})")
                        if shown is not None:
                            self.assertEqual(verdict["value"], shown, f"{key}: {verdict['reason']}")
                        checked += 1
        self.assertEqual(checked, len(cases.expected))
        return checked

    def test_comparisons_agree_with_decimal(self):
        rng = random.Random(SEED)
        cases = Cases()
        comparison_cases(rng, cases, indicators=400, units=10)
        self.assertEqual(self.check(cases), 4000)

    def test_rates_and_rounding_agree_with_decimal(self):
        rng = random.Random(SEED + 1)
        cases = Cases()
        rate_cases(rng, cases, indicators=100, units=40)
        self.assertEqual(self.check(cases), 4000)


if __name__ == "__main__":
    unittest.main()
