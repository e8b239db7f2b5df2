#!/usr/bin/python3
"""Synthetic house prices, the running example of the tutorials: living area (m²) -> price (k€).

price = 50 + 3.0 * area + noise, noise ~ Normal(0, 25), area ~ Uniform(30, 200), 100 rows.
Python's random module with a fixed seed (Mersenne Twister; its seeded stream is stable
across Python versions for random() and gauss()), rounded to one decimal so the committed
file is the whole truth. Run with: /usr/bin/python3 datasets/make_house_prices.py
"""
import os
import random

SEED = 20240611
ROWS = 100

rng = random.Random(SEED)
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "house_prices.csv")
with open(path, "w") as f:
    f.write("area_m2,target\n")
    for _ in range(ROWS):
        area = round(rng.uniform(30.0, 200.0), 1)
        price = round(50.0 + 3.0 * area + rng.gauss(0.0, 25.0), 1)
        f.write(f"{area},{price}\n")
print(f"{path}: {ROWS} rows")
